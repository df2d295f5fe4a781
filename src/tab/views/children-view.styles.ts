import { makeStyles, tokens } from '@fluentui/react-components';

// The children and region views' own: rows indented by their depth in the tree (on a phone the
// indent gives way to a plain card), captions that read as headings, and parts kept apart.
export const useChildrenStyles = makeStyles({
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalS },
  name: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  depth1: { paddingInlineStart: tokens.spacingHorizontalXL, '@media (max-width: 640px)': { paddingInlineStart: 0 } },
  depth2: { paddingInlineStart: tokens.spacingHorizontalXXXL, '@media (max-width: 640px)': { paddingInlineStart: 0 } },
  own: { fontStyle: 'italic' },
  thing: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  under: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalL, '@media (max-width: 640px)': { paddingInlineStart: 0 } },
  comment: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});
