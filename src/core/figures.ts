// Figures as the reports print them: a number with its unit ("74 %", "1 545 st", "3,5"), and an
// outcome in its target's words where the target is a rank ("Plats 6 av 7"). The tab and the report
// print alike from here.
import type { Indicator } from './model';
import { formatSwedishNumber, formatValue } from './numbers';

/** Units the reports print without a unit word: scores and indices are bare numbers ("3,5", "72"). */
const BARE_UNITS: ReadonlySet<string> = new Set(['index', 'betyg']);

/** Decimals per unit as the reports use them (mnkr always one, percentages up to one). */
function decimalOptions(unit: string | undefined): { decimals?: number; maxDecimals?: number } {
  if (unit === 'mnkr') return { decimals: 1 };
  if (unit === '%') return { maxDecimals: 1 };
  return { maxDecimals: 2 };
}

/** A number with its unit as printed ("74 %", "1 545 st", "3,5"). */
export function formatFigure(value: number, unit: string | undefined): string {
  if (unit !== undefined && BARE_UNITS.has(unit)) return formatSwedishNumber(value, decimalOptions(unit));
  return formatValue(value, unit);
}

/**
 * An outcome as printed. Rankings are printed in the target's words ("Plats 6 av 7" beside the
 * target "Plats 3 av 7"), so a ranking outcome borrows the target text with its own number.
 */
export function formatOutcome(indicator: Pick<Indicator, 'unit' | 'target' | 'targetText'>, value: number): string {
  if (indicator.unit === 'plats' && indicator.targetText !== undefined && indicator.target !== undefined) {
    const ranking = /^(\D*)(\d+)( av \d+)$/.exec(indicator.targetText.trim());
    if (ranking && Number(ranking[2]) === indicator.target) return `${ranking[1] ?? ''}${formatSwedishNumber(value)}${ranking[3] ?? ''}`;
  }
  return formatFigure(value, indicator.unit);
}

