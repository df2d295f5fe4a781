// Figures as the reports print them: a number with its unit ("74 %", "1 545 st", "3,5"), and an
// outcome in its target's words where the target is a rank ("Plats 6 av 7"). The tab and the report
// print alike from here.
import type { Indicator } from './model';
import { formatSwedishNumber, formatValue } from './numbers';
import { targetOf, type TargetFields } from './targets';

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
 * An outcome as printed. A ranking outcome is printed in the target's words ("Plats 6 av 7" beside
 * the target "Plats 3 av 7", "10 av 21" beside "11 av 21").
 */
export function formatOutcome(indicator: TargetFields & Pick<Indicator, 'unit' | 'targetText'>, value: number): string {
  const typed = targetOf(indicator);
  if (typed?.kind !== 'rank') return formatFigure(value, indicator.unit);
  const words = RANK_WORDS.exec(indicator.targetText?.trim() ?? '');
  if (words && Number(words[2]) === typed.place) return `${words[1] ?? ''}${formatSwedishNumber(value)}${words[3] ?? ''}`;
  return formatRank(value, typed.of);
}

const RANK_WORDS = /^(\D*)(\d+)( av \d+)$/;

export interface TargetPrintContext {
  /** Last year's outcome, printed as the target of a previous-year target. */
  readonly previousYearValue?: number | undefined;
}

/**
 * The target as printed: the plan's own words when it has them (">0", "63 % (riket + 1 %)", "11 av
 * 21": the seeds print those verbatim), else by its kind: "90 %", ">78", "<5", "77–80", "90–100 %",
 * "Plats 3 av 7", "63 % (riket + 1 %)", and last year's figure for a previous-year target.
 */
export function formatTarget(
  indicator: TargetFields & Pick<Indicator, 'unit' | 'targetText'>,
  context: TargetPrintContext = {},
): string | undefined {
  const typed = targetOf(indicator);
  const { unit } = indicator;
  const words = indicator.targetText?.trim();
  if (words) return words;
  const bare = (n: number) => formatSwedishNumber(n, { maxDecimals: 2 });
  switch (typed?.kind) {
    case undefined:
      return indicator.target !== undefined ? formatFigure(indicator.target, unit) : undefined;
    case 'at-least':
    case 'at-most':
      return formatFigure(typed.value, unit);
    case 'more-than':
      return `>${bare(typed.value)}`;
    case 'less-than':
      return `<${bare(typed.value)}`;
    case 'range':
      return `${bare(typed.min)}–${formatFigure(typed.max, unit)}`;
    case 'rank':
      return formatRank(typed.place, typed.of);
    case 'previous-year':
      if (context.previousYearValue !== undefined) return `${formatFigure(context.previousYearValue, unit)} (föregående år)`;
      return typed.better === 'increase' ? 'Öka jämfört med föregående år' : 'Minska jämfört med föregående år';
    case 'reference': {
      const offset = `riket ${typed.offset < 0 ? '−' : '+'} ${formatFigure(Math.abs(typed.offset), unit)}`;
      return typed.estimate !== undefined ? `${formatFigure(typed.estimate, unit)} (${offset})` : offset;
    }
  }
}

export function formatRank(place: number, of: number | undefined): string {
  return of !== undefined ? `Plats ${formatSwedishNumber(place)} av ${formatSwedishNumber(of)}` : `Plats ${formatSwedishNumber(place)}`;
}
