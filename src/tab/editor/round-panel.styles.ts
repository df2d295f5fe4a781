import { makeStyles, tokens } from '@fluentui/react-components';

export const useRoundPanelStyles = makeStyles({
  state: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  comment: { whiteSpace: 'pre-wrap', fontSize: tokens.fontSizeBase400 },
  steps: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  sendBack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  /** Focus lands here after a step so the answer is read; no ring of its own around messages. */
  answer: { outlineStyle: 'none' },
  version: {
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
  },
});
