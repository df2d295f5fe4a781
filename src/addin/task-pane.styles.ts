import { makeStyles, tokens } from '@fluentui/react-components';

export const useTaskPaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '480px',
    boxSizing: 'border-box',
    // Excel's task pane is 320 px: a native select grows with its longest option unless held in.
    '& .fui-Field': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Select': { maxWidth: '100%', minWidth: 0 },
    '& .fui-Select select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  },
  /** A table preview scrolls within itself, never the pane. */
  preview: {
    overflowX: 'auto',
    maxWidth: '100%',
    '& table': { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});
