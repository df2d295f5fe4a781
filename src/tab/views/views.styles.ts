import { makeStyles, tokens } from '@fluentui/react-components';

// Shared by the list views: plain semantic tables, styled with the theme's tokens so dark and
// high-contrast themes come for free.
export const useViewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
    '& td': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
    // A phone (Teams mobile, 390 px): each row a card, each cell a line under its column's name.
    '@media (max-width: 640px)': {
      '& thead': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
      '& tr': { display: 'block', paddingBlock: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
      '& td': { display: 'block', borderBottom: 'none', paddingBlock: tokens.spacingVerticalXXS, textAlign: 'left', whiteSpace: 'normal' },
      '& td[data-label]::before': { content: 'attr(data-label)', display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
    },
  },
  /** A cell whose badge must not break out of its column. */
  badgeCell: { whiteSpace: 'nowrap', width: '1%' },
  numeric: { textAlign: 'right', whiteSpace: 'nowrap' },
  linkButton: { textAlign: 'left', height: 'auto', minWidth: 0, padding: 0, fontWeight: tokens.fontWeightRegular, whiteSpace: 'normal' },
  group: { marginTop: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});
