import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

// The plan editor's layout: lists of items with their buttons that wrap on a phone (390 px), forms
// whose fields sit side by side only where there is room, theme tokens only (dark, high contrast).
export const usePlanEditorStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  statusRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: 'none', ...shorthands.margin(0), ...shorthands.padding(0), display: 'flex', flexDirection: 'column', minWidth: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  itemHead: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', justifyContent: 'space-between' },
  itemText: { display: 'flex', flexDirection: 'column', flexGrow: 1, flexShrink: 1, flexBasis: '16rem', minWidth: 0, overflowWrap: 'anywhere' },
  /** Goal and risk titles, and the lists' names under them: headings without the browser's margins. */
  heading: { ...shorthands.margin(0) },
  itemActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  children: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 640px)': { paddingLeft: tokens.spacingHorizontalS },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem', minWidth: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))', gap: tokens.spacingHorizontalM, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  owner: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  comparison: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))', gap: tokens.spacingHorizontalL },
  version: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  matrix: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingHorizontalXS, verticalAlign: 'top', overflowWrap: 'break-word', hyphens: 'auto' },
    '& thead td': { border: 'none' },
    '& th': { fontWeight: tokens.fontWeightSemibold, textAlign: 'center' },
  },
  matrixCell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  matrixValue: { fontWeight: tokens.fontWeightSemibold },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  /** The risk value's band, in words beside the colour so it never rests on colour alone. */
  high: { backgroundColor: tokens.colorPaletteRedBackground2 },
  medium: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  low: { backgroundColor: tokens.colorPaletteGreenBackground2 },
});
