import { makeStyles, tokens } from '@fluentui/react-components';

// Uppföljningsläge's own: the count tables' captions read as headings of the table beneath.
export const useRoundStyles = makeStyles({
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalS },
});
