// The follow-up rules every surface answers by: the plan key, which fields each kind of thing
// has, what an edit may change (applyEdit), the comparison period and an åtgärd's status in a
// period. The tab, the add-in, the report, the notify job and the store call these; none of them
// writes its own version.
import { compact } from './compact';
import type { Action, FollowUpEntry, Indicator, Period } from './model';
import { formatSwedishNumber } from './numbers';
import { comparePeriods, comparisonPeriodKey, parsePeriodKey, periodLabel } from './periods';
import type { ItemState, RoundRole } from './round';
import { itemStateOf, transition } from './round';
import type { ActionStatus, Assessment, Level, SubjectKind, Trend } from './vocabularies';
import { ACTION_STATUSES, ASSESSMENTS, LEVELS, TRENDS } from './vocabularies';

// The plan key -----------------------------------------------------------------------------------

/** A plan is named `ORG:YEAR` (`RS:2025`) on the command line, in links and in the lists. */
export function planKey(organisationCode: string, year: number): string {
  return `${organisationCode}:${year}`;
}

export function parsePlanKey(key: string): { organisationCode: string; year: number } | undefined {
  const match = /^([^:\s]+):(\d{4})$/.exec(key.trim());
  return match ? { organisationCode: match[1] ?? '', year: Number(match[2]) } : undefined;
}

/** The plan of the same organisation a year earlier: where the comparison period's entries live. */
export function previousYearPlanKey(key: string): string | undefined {
  const parsed = parsePlanKey(key);
  return parsed ? planKey(parsed.organisationCode, parsed.year - 1) : undefined;
}

// Which fields each kind has ----------------------------------------------------------------------

export type EntryField = 'value' | 'level' | 'reference' | 'assessment' | 'trend' | 'status' | 'comment';

export interface EditSubject {
  readonly kind: SubjectKind;
  readonly ref: string;
  /** For styrtal: how the outcome is measured, the unit that bounds it, and whether a reference is reported beside it. */
  readonly indicator?: (Pick<Indicator, 'valueType' | 'unit'> & Partial<Pick<Indicator, 'targetKind'>>) | undefined;
}

/**
 * A goal and an uppdrag are assessed; a styrtal has an outcome (a number or, when qualitative, a
 * level), an assessment and a trend, and a "riket + 1 %" one the reference beside the outcome;
 * an åtgärd has a status. Everything takes a comment.
 */
export function editableFields(subject: EditSubject): readonly EntryField[] {
  switch (subject.kind) {
    case 'goal':
    case 'assignment':
      return ['assessment', 'comment'];
    case 'indicator':
      if (subject.indicator?.valueType === 'qualitative') return ['level', 'assessment', 'trend', 'comment'];
      return subject.indicator?.targetKind === 'reference' ? ['value', 'reference', 'assessment', 'trend', 'comment'] : ['value', 'assessment', 'trend', 'comment'];
    case 'action':
      return ['status', 'comment'];
  }
}

// Plausible values ------------------------------------------------------------------------------

/** Beyond this nothing is a figure a region reports; refused outright, not merely questioned. */
export const LARGEST_VALUE = 1e12;

const PERCENT_UNITS = new Set(['%', 'procent']);
const COUNT_UNITS = new Set(['st', 'antal', 'plats', 'personer', 'patienter', 'dagar', 'år', 'timmar', 'ton', 'tusen ton', 'ton koldioxidekvivalenter']);

export interface PlausibleRange {
  readonly min?: number;
  readonly max?: number;
}

/** What the unit makes plausible: a percentage within 0–100, a count not below zero. */
export function plausibleRange(unit: string | undefined): PlausibleRange {
  const u = (unit ?? '').trim().toLowerCase();
  if (PERCENT_UNITS.has(u)) return { min: 0, max: 100 };
  if (COUNT_UNITS.has(u)) return { min: 0 };
  return {};
}

// applyEdit ---------------------------------------------------------------------------------------

/** What the user changes: a value sets the field, null clears it, absent leaves it as it was. */
export interface EntryEdit {
  readonly value?: number | null;
  readonly level?: Level | null;
  readonly reference?: number | null;
  readonly assessment?: Assessment | null;
  readonly trend?: Trend | null;
  readonly status?: ActionStatus | null;
  readonly comment?: string | null;
}

export interface EditContext {
  readonly subject: EditSubject;
  readonly period: Pick<Period, 'key' | 'locked'>;
  /** Who reports: the signed-in person (the store and the API take it from the token). */
  readonly reportedByUpn: string;
  readonly now: Date;
  /** The user has seen the implausible-value warning and saves anyway. */
  readonly confirmed?: boolean;
  /** A controller may correct a klar or approved entry; a reporter (the default) may not. */
  readonly actorRole?: RoundRole;
}

export type EditRefusal =
  | { readonly code: 'locked'; readonly message: string }
  /** Målkoll's write API: the caller is neither the owner, a delegate of the owner, nor a controller. */
  | { readonly code: 'not-allowed'; readonly message: string }
  /** The reporting round holds it: klar (reopen it first) or approved (a controller's to change). */
  | { readonly code: 'round-state'; readonly state: ItemState; readonly message: string }
  /** The thing or the period is not in the plan (removed since it was loaded). */
  | { readonly code: 'unknown-subject'; readonly message: string }
  | { readonly code: 'field-not-editable'; readonly field: EntryField; readonly message: string }
  | { readonly code: 'invalid-value'; readonly field: EntryField; readonly message: string }
  /** A warning, not a verdict: the same edit with `confirmed` saves. */
  | { readonly code: 'implausible'; readonly field: 'value'; readonly message: string; readonly confirmable: true };

export type EditResult = { readonly ok: true; readonly entry: FollowUpEntry } | { readonly ok: false; readonly refusal: EditRefusal };

const FIELD_LABEL: Readonly<Record<EntryField, string>> = {
  value: 'Utfall',
  level: 'Nivå',
  reference: 'Referensvärde',
  assessment: 'Bedömning',
  trend: 'Trend',
  status: 'Status',
  comment: 'Kommentar',
};

const KIND_LABEL: Readonly<Record<SubjectKind, string>> = { goal: 'en målsättning', indicator: 'ett styrtal', assignment: 'ett uppdrag', action: 'en åtgärd' };

const ALLOWED_CODES: Readonly<Partial<Record<EntryField, readonly string[]>>> = { level: LEVELS, assessment: ASSESSMENTS, trend: TRENDS, status: ACTION_STATUSES };

function notEditable(field: EntryField, subject: EditSubject): string {
  if (field === 'value' && subject.kind === 'indicator') return 'Styrtalet är kvalitativt; ange en nivå, inte ett tal.';
  if (field === 'level' && subject.kind === 'indicator') return 'Styrtalet mäts med tal; ange ett tal, inte en nivå.';
  return `${FIELD_LABEL[field]} kan inte anges för ${KIND_LABEL[subject.kind]}.`;
}

export function lockedMessage(periodKey: string): string {
  return `Perioden är låst (${periodLabel(periodKey)}). Inget sparades; kontakta din controller om något behöver ändras.`;
}

function number(value: number): string {
  return formatSwedishNumber(value, { maxDecimals: 6 });
}

function implausibility(value: number, unit: string | undefined): string | undefined {
  const range = plausibleRange(unit);
  const shown = `${number(value)}${unit ? ` ${unit}` : ''}`;
  if (range.max !== undefined && value > range.max) return `${shown} är mer än ${number(range.max)}${unit ? ` ${unit}` : ''}. Stämmer det? Bekräfta för att spara ändå.`;
  if (range.min !== undefined && value < range.min) return `${shown} är mindre än ${number(range.min)}${unit ? ` ${unit}` : ''}. Stämmer det? Bekräfta för att spara ändå.`;
  return undefined;
}

/**
 * The entry an edit makes from `base` (the saved entry, or none for a first report), or why not.
 * Nothing outside the subject's fields changes; who reported and when come from the context.
 */
export function applyEdit(base: FollowUpEntry | undefined, edit: EntryEdit, context: EditContext): EditResult {
  const { subject, period } = context;
  if (period.locked) return { ok: false, refusal: { code: 'locked', message: lockedMessage(period.key) } };
  const current = itemStateOf(base);
  const round = transition(current, 'save', { role: context.actorRole ?? 'reporter' });
  if (!round.ok) return { ok: false, refusal: { code: 'round-state', state: current, message: round.refusal.message } };
  const allowed = editableFields(subject);
  const changed = (Object.keys(edit) as EntryField[]).filter((field) => edit[field] !== undefined);
  for (const field of changed) {
    if (!allowed.includes(field) && edit[field] !== null) return { ok: false, refusal: { code: 'field-not-editable', field, message: notEditable(field, subject) } };
    const codes = ALLOWED_CODES[field];
    const given = edit[field];
    if (codes && typeof given === 'string' && !codes.includes(given)) {
      return { ok: false, refusal: { code: 'invalid-value', field, message: `${FIELD_LABEL[field]}: "${given}" är inget av de tillåtna värdena.` } };
    }
  }
  const value = edit.value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > LARGEST_VALUE) {
      return { ok: false, refusal: { code: 'invalid-value', field: 'value', message: `Utfallet måste ligga mellan −${number(LARGEST_VALUE)} och ${number(LARGEST_VALUE)}.` } };
    }
    const doubt = implausibility(value, subject.indicator?.unit);
    if (doubt && !context.confirmed) return { ok: false, refusal: { code: 'implausible', field: 'value', message: doubt, confirmable: true } };
  }
  const reference = edit.reference;
  if (typeof reference === 'number' && (!Number.isFinite(reference) || Math.abs(reference) > LARGEST_VALUE)) {
    return { ok: false, refusal: { code: 'invalid-value', field: 'reference', message: `Referensvärdet måste ligga mellan −${number(LARGEST_VALUE)} och ${number(LARGEST_VALUE)}.` } };
  }
  const pick = <K extends EntryField>(field: K, current: FollowUpEntry[K]): FollowUpEntry[K] | undefined => {
    if (!allowed.includes(field)) return undefined;
    const given = edit[field];
    if (given === null) return undefined;
    return (given ?? current) as FollowUpEntry[K];
  };
  const comment = pick('comment', base?.comment);
  const entry: FollowUpEntry = compact({
    subjectKind: subject.kind,
    subjectRef: subject.ref,
    periodKey: period.key,
    value: pick('value', base?.value),
    level: pick('level', base?.level),
    reference: pick('reference', base?.reference),
    assessment: pick('assessment', base?.assessment),
    trend: pick('trend', base?.trend),
    status: pick('status', base?.status),
    comment: comment !== undefined && comment.trim() === '' ? undefined : comment,
    reportedByUpn: context.reportedByUpn,
    reportedAt: context.now.toISOString(),
    // A save makes an item not yet klar a draft; a controller's correction leaves klar and godkänd as they were.
    ...(round.next === 'draft'
      ? { state: 'draft' as const, stateByUpn: context.reportedByUpn, stateAt: context.now.toISOString(), returnComment: base?.returnComment }
      : { state: base?.state, stateByUpn: base?.stateByUpn, stateAt: base?.stateAt, returnComment: base?.returnComment }),
  });
  return { ok: true, entry };
}

// The comparison period --------------------------------------------------------------------------

/** A thing's identity across years: its kind and ref, which a copy to next year keeps. */
export function subjectIdentity(kind: SubjectKind, ref: string): string {
  return `${kind}:${ref}`;
}

export interface Comparison<E extends FollowUpEntry> {
  /** The same kind of period one year earlier: Delår 2025 ↔ Delår 2024. */
  readonly periodKey: string;
  /** What was reported then, if anything. */
  readonly entry?: E;
}

/**
 * What a period is compared with: the same kind of period a year earlier, never a later one, found
 * by identity among this plan's entries and those of the organisation's plan of the year before.
 * Undefined only for a period key that cannot be read.
 */
export function comparisonFor<E extends FollowUpEntry>(kind: SubjectKind, ref: string, periodKey: string, entries: readonly E[], previousYearEntries: readonly E[] = []): Comparison<E> | undefined {
  const key = comparisonPeriodKey(periodKey);
  if (key === undefined) return undefined;
  const identity = subjectIdentity(kind, ref);
  const matches = (e: E) => e.periodKey === key && subjectIdentity(e.subjectKind, e.subjectRef) === identity;
  const entry = entries.find(matches) ?? previousYearEntries.find(matches);
  return entry ? { periodKey: key, entry } : { periodKey: key };
}

/**
 * Every entry the comparison period has, by the same precedence as `comparisonFor`: this plan's
 * own, then last year's plan's for things this plan has no entry of then.
 */
export function comparisonEntries<E extends FollowUpEntry>(periodKey: string, entries: readonly E[], previousYearEntries: readonly E[] = []): E[] {
  const key = comparisonPeriodKey(periodKey);
  if (key === undefined) return [];
  const own = entries.filter((e) => e.periodKey === key);
  const seen = new Set(own.map((e) => subjectIdentity(e.subjectKind, e.subjectRef)));
  return [...own, ...previousYearEntries.filter((e) => e.periodKey === key && !seen.has(subjectIdentity(e.subjectKind, e.subjectRef)))];
}

// The open period ---------------------------------------------------------------------------------

/**
 * The period people report in now: the earliest unlocked one whose deadline has not passed; when
 * all deadlines have passed (reporting late is common), the latest unlocked one; else the latest.
 */
export function openPeriod<P extends Period>(periods: readonly P[], asOf: string): P | undefined {
  const sorted = [...periods].sort(comparePeriods);
  const unlocked = sorted.filter((p) => !p.locked);
  return unlocked.find((p) => p.deadline !== undefined && p.deadline.slice(0, 10) >= asOf) ?? unlocked[unlocked.length - 1] ?? sorted[sorted.length - 1];
}

// An åtgärd's status in a period ------------------------------------------------------------------

/**
 * An åtgärd's status in a period is what was reported for that period; where nothing was, its
 * status in the plan (the Actions list, which every status save keeps current).
 */
export function actionStatusIn(action: Pick<Action, 'status'>, entry: Pick<FollowUpEntry, 'status'> | undefined): ActionStatus {
  return entry?.status ?? action.status;
}

/**
 * Its status now: as reported for the latest period that has a report with a status, else its
 * status in the plan. The notify job and the overdue views decide by this.
 */
export function currentActionStatus(action: Pick<Action, 'ref' | 'status'>, entries: readonly FollowUpEntry[]): ActionStatus {
  let latest: { period: Period; entry: FollowUpEntry } | undefined;
  for (const entry of entries) {
    if (entry.subjectKind !== 'action' || entry.subjectRef !== action.ref || entry.status === undefined) continue;
    const period = parsePeriodKey(entry.periodKey);
    if (period && (!latest || comparePeriods(period, latest.period) > 0)) latest = { period, entry };
  }
  return actionStatusIn(action, latest?.entry);
}
