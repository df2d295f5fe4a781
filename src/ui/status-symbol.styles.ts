import { makeStyles, tokens } from '@fluentui/react-components';

export const useStatusSymbolStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
  shape: {
    width: '14px',
    height: '14px',
    flexShrink: 0,
    // The outline in the text colour keeps the shape visible in high contrast and dark themes.
    stroke: tokens.colorNeutralForeground1,
    strokeWidth: '1px',
  },
});
