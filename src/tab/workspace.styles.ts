import { makeStyles, tokens } from '@fluentui/react-components';

export const useWorkspaceStyles = makeStyles({
  root: {
    minHeight: '100vh',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    // A native select grows with its longest option; on a phone it must stay within the screen.
    '& .fui-Field': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Select': { maxWidth: '100%', minWidth: 0 },
    '& .fui-Select select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
    '@media (max-width: 640px)': { padding: tokens.spacingHorizontalS },
  },
  tabs: { flexWrap: 'wrap' },
  header: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', flexWrap: 'wrap', justifyContent: 'space-between' },
  pickers: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap', minWidth: 0, maxWidth: '100%' },
  who: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 260px',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});
