// The report's symbols: ● achieved (green), ◆ partly (yellow), ■ not achieved (red), — not assessed
// (grey). Drawn as shapes, not coloured text: the yellow would be unreadable as text on white, and
// the shape alone must carry the meaning for people who do not see the colour.
import type { Assessment, Level, Trend } from '../core';
import { ASSESSMENT_COLOUR, TREND } from '../core';
import { useStatusSymbolStyles } from './status-symbol.styles';

export interface AssessmentSymbolProps {
  readonly assessment: Assessment | undefined;
  /** The label read out and shown beside the shape when `showLabel`. */
  readonly label: string;
  readonly showLabel?: boolean;
}

const LEVEL_AS_ASSESSMENT: Readonly<Record<Level, Assessment>> = { full: 'achieved', partial: 'partly', none: 'not-achieved', missing: 'not-assessed' };

export function levelAssessment(level: Level): Assessment {
  return LEVEL_AS_ASSESSMENT[level];
}

function Shape({ assessment, className }: { assessment: Assessment; className: string }) {
  const fill = ASSESSMENT_COLOUR[assessment].hex;
  switch (assessment) {
    case 'achieved':
      return (
        <svg className={className} viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="6" fill={fill} />
        </svg>
      );
    case 'partly':
      return (
        <svg className={className} viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <polygon points="7,1 13,7 7,13 1,7" fill={fill} />
        </svg>
      );
    case 'not-achieved':
      return (
        <svg className={className} viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <rect x="1.5" y="1.5" width="11" height="11" fill={fill} />
        </svg>
      );
    case 'not-assessed':
      return (
        <svg className={className} viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <rect x="1" y="6" width="12" height="2" fill={fill} />
        </svg>
      );
  }
}

export function AssessmentSymbol({ assessment, label, showLabel = false }: AssessmentSymbolProps) {
  const styles = useStatusSymbolStyles();
  if (!assessment) return null;
  return (
    <span className={styles.root} role="img" aria-label={label} title={label} data-assessment={assessment}>
      <Shape assessment={assessment} className={styles.shape} />
      {showLabel ? <span aria-hidden="true">{label}</span> : null}
    </span>
  );
}

export interface TrendArrowProps {
  readonly trend: Trend | undefined;
  readonly label: string;
}

export function TrendArrow({ trend, label }: TrendArrowProps) {
  if (!trend) return null;
  return (
    <span role="img" aria-label={label} title={label} data-trend={trend}>
      {TREND[trend].symbol}
    </span>
  );
}
