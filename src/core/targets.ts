// Typed targets: what an indicator's target means (at least, more than, a range, a rank, against
// last year or against a reference reported beside the outcome), the suggestion each kind gives
// and how each is printed. The flat fields (target, targetKind, targetMax, targetOffset) are how
// the plan format and the lists store it; `targetOf` is the one place they become a Target.
import type { Indicator } from './model';
import type { Direction } from './vocabularies';


export type Target =
  | { readonly kind: 'at-least' | 'at-most' | 'more-than' | 'less-than'; readonly value: number }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  /** "Plats 3 av 7": lower is better. */
  | { readonly kind: 'rank'; readonly place: number; readonly of?: number }
  /** "Ska öka jämfört med föregående år": last year's outcome is the target. */
  | { readonly kind: 'previous-year'; readonly better: 'increase' | 'decrease' }
  /** "Riket + 1 %": the reference is reported beside each outcome; `estimate` is the plan's printed figure. */
  | { readonly kind: 'reference'; readonly offset: number; readonly estimate?: number };

/** An indicator's target as stored. */
export type TargetFields = Pick<Indicator, 'valueType' | 'direction' | 'target' | 'targetText' | 'targetKind' | 'targetMax' | 'targetOffset'>;

/**
 * The indicator's typed target. Without a stated kind (a plan imported before kinds existed) the
 * kind is read as an import reads it; undefined when there is no target or it cannot be read (then
 * the rule of plain numbers applies).
 */
export function targetOf(indicator: TargetFields): Target | undefined {
  if (indicator.valueType === 'qualitative') return undefined;
  if (indicator.targetKind === undefined) {
    const inferred = inferTargetKind(indicator);
    return inferred?.ok && inferred.fields.targetKind !== undefined ? typedTarget({ ...indicator, ...inferred.fields }) : undefined;
  }
  return typedTarget(indicator);
}

function typedTarget(indicator: TargetFields): Target | undefined {
  const { target, targetKind } = indicator;
  switch (targetKind) {
    case undefined:
      return undefined;
    case 'at-least':
    case 'at-most':
    case 'more-than':
    case 'less-than':
      return target === undefined ? undefined : { kind: targetKind, value: target };
    case 'range':
      return target === undefined || indicator.targetMax === undefined ? undefined : { kind: 'range', min: target, max: indicator.targetMax };
    case 'rank':
      return target === undefined ? undefined : { kind: 'rank', place: target, ...(indicator.targetMax !== undefined ? { of: indicator.targetMax } : {}) };
    case 'previous-year':
      return { kind: 'previous-year', better: indicator.direction === 'decrease' ? 'decrease' : 'increase' };
    case 'reference':
      return { kind: 'reference', offset: indicator.targetOffset ?? 0, ...(target !== undefined ? { estimate: target } : {}) };
  }
}

/** The direction in which the outcome gets better under this target (a rank improves downwards). */
export function betterDirection(target: Target | undefined, fallback: Direction): Direction {
  switch (target?.kind) {
    case 'at-least':
    case 'more-than':
      return 'increase';
    case 'at-most':
    case 'less-than':
    case 'rank':
      return 'decrease';
    case 'previous-year':
      return target.better;
    default:
      return fallback;
  }
}

// Reading the kind from an older document ---------------------------------------------------------

const NUMBER = String.raw`(-?\d[\d\s\u00a0]*(?:[.,]\d+)?)`;
const num = (s: string): number => Number(s.replace(/[\s\u00a0]/g, '').replace(',', '.'));

export type InferredTarget =
  | { readonly ok: true; readonly fields: Pick<TargetFields, 'targetKind' | 'targetMax' | 'targetOffset'> }
  | { readonly ok: false; readonly reason: string };

/**
 * The kind a document without one means, read from direction and the target's words. Only readings
 * that cannot be meant otherwise are made; anything else is reported and left as it was.
 */
export function inferTargetKind(indicator: Pick<TargetFields, 'valueType' | 'direction' | 'target' | 'targetText'>): InferredTarget | undefined {
  if (indicator.valueType === 'qualitative') return undefined;
  const text = indicator.targetText?.trim();
  const { target, direction } = indicator;
  if (text === undefined || text === '') {
    if (target === undefined) return undefined;
    if (direction === 'increase') return { ok: true, fields: { targetKind: 'at-least' } };
    if (direction === 'decrease') return { ok: true, fields: { targetKind: 'at-most' } };
    return { ok: false, reason: 'målvärdet har ingen riktning, så det går inte att avgöra om det är ett golv eller ett tak' };
  }
  const matches = (pattern: string) => new RegExp(`^${pattern}$`, 'i').exec(text);
  const strict = matches(String.raw`([<>])\s*${NUMBER}\s*\S*`);
  if (strict?.[1] && strict[2] && (target === undefined || num(strict[2]) === target)) {
    return { ok: true, fields: { targetKind: strict[1] === '>' ? 'more-than' : 'less-than' } };
  }
  const range = matches(String.raw`${NUMBER}\s*[–-]\s*${NUMBER}\s*\S*`);
  if (range?.[1] && range[2] && (target === undefined || num(range[1]) === target)) {
    return { ok: true, fields: { targetKind: 'range', targetMax: num(range[2]) } };
  }
  const rank = matches(String.raw`(?:plats\s+)?(\d+)\s+av\s+(\d+)`);
  if (rank?.[1] && rank[2] && (target === undefined || num(rank[1]) === target)) {
    return { ok: true, fields: { targetKind: 'rank', targetMax: num(rank[2]) } };
  }
  const reference = /riket\s*([+−-])\s*(\d+(?:[.,]\d+)?)/i.exec(text);
  if (reference?.[1] && reference[2]) {
    const offset = num(reference[2]) * (reference[1] === '+' ? 1 : -1);
    return { ok: true, fields: { targetKind: 'reference', targetOffset: offset } };
  }
  if (/föregående år/i.test(text) && direction !== 'none') return { ok: true, fields: { targetKind: 'previous-year' } };
  return { ok: false, reason: `målvärdet ${JSON.stringify(text)} går inte att läsa som en målvärdestyp; ange targetKind` };
}

// Consistency ---------------------------------------------------------------------------------------

export interface TargetIssue {
  readonly field: 'targetKind' | 'target' | 'targetMax' | 'targetOffset';
  readonly message: string;
}

/** What a stated kind needs (Swedish, for the plan format and the editor alike). */
export function targetIssues(indicator: Pick<TargetFields, 'valueType' | 'target' | 'targetKind' | 'targetMax' | 'targetOffset'>): TargetIssue[] {
  const { targetKind: kind, target, targetMax: max } = indicator;
  const issues: TargetIssue[] = [];
  if (kind === undefined) {
    if (max !== undefined) issues.push({ field: 'targetMax', message: 'targetMax gäller bara målvärdestyperna "range" och "rank"' });
    if (indicator.targetOffset !== undefined) issues.push({ field: 'targetOffset', message: 'targetOffset gäller bara målvärdestypen "reference"' });
    return issues;
  }
  if (indicator.valueType === 'qualitative') return [{ field: 'targetKind', message: 'ett kvalitativt styrtal har ingen målvärdestyp' }];
  const needsTarget = kind !== 'previous-year' && kind !== 'reference';
  if (needsTarget && target === undefined) issues.push({ field: 'target', message: `målvärdestypen "${kind}" behöver ett target` });
  if (kind === 'range') {
    if (max === undefined) issues.push({ field: 'targetMax', message: 'ett intervall behöver targetMax, den övre gränsen' });
    else if (target !== undefined && max < target) issues.push({ field: 'targetMax', message: 'targetMax är mindre än target; den övre gränsen ska vara störst' });
  } else if (kind === 'rank') {
    if (target !== undefined && (!Number.isInteger(target) || target < 1)) issues.push({ field: 'target', message: 'en placering är ett heltal från 1' });
    if (max !== undefined && (!Number.isInteger(max) || (target !== undefined && max < target))) issues.push({ field: 'targetMax', message: 'antalet platser är ett heltal minst lika stort som placeringen' });
  } else if (max !== undefined) {
    issues.push({ field: 'targetMax', message: 'targetMax gäller bara målvärdestyperna "range" och "rank"' });
  }
  if (kind === 'reference' && indicator.targetOffset === undefined) issues.push({ field: 'targetOffset', message: 'ett mål mot ett referensvärde behöver targetOffset (riket + 1 % → 1)' });
  if (kind !== 'reference' && indicator.targetOffset !== undefined) issues.push({ field: 'targetOffset', message: 'targetOffset gäller bara målvärdestypen "reference"' });
  return issues;
}
