import { makeStyles, tokens } from '@fluentui/react-components';

export const usePeriodLockStyles = makeStyles({
  /** A row of its own under the pickers (the header wraps), as wide as the header. */
  root: { flexBasis: '100%', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
