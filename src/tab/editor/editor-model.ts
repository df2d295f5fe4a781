// The editor's rules, apart from React so they can be tested on their own: what the form holds, how
// it is checked before anything is sent, what the rules suggest, and how a conflict is resolved
// without losing a word of either version.
import type { ActionStatus, Assessment, EntryEdit, FollowUpEntry, Indicator, Level, Outcome, SubjectKind, Trend } from '../../core';
import { editableFields, formatSwedishNumber, outcomeOf, parseSwedishNumber, suggestAssessment, suggestTrend } from '../../core';

/** What is being reported: an indicator carries the rules for suggestions; an action its status. */
export interface EditorSubject {
  readonly kind: SubjectKind;
  readonly ref: string;
  readonly title: string;
  readonly indicator?: Pick<Indicator, 'valueType' | 'direction' | 'target' | 'targetText' | 'longTermTarget' | 'longTermTargetText' | 'unit'> &
    Partial<Pick<Indicator, 'targetKind' | 'targetMax' | 'targetOffset'>>;
  /** The action's current status (from the Actions list), for actions only. */
  readonly actionStatus?: ActionStatus;
}

/** The form as typed: the outcome stays text until it is saved, so a refusal never eats input. */
export interface Draft {
  readonly valueText: string;
  /** The reference beside the outcome ("riket" of a "riket + 1 %" target), as typed. */
  readonly referenceText?: string | undefined;
  readonly level?: Level | undefined;
  readonly assessment?: Assessment | undefined;
  readonly trend?: Trend | undefined;
  readonly comment: string;
  readonly status?: ActionStatus | undefined;
}

export type DraftErrors = { readonly value?: string; readonly reference?: string };

/** A value the rules question: shown with the field, saved only when the user confirms. */
export interface PendingConfirmation {
  readonly message: string;
  readonly draft: Draft;
}

export type CheckedDraft = { readonly ok: true; readonly edit: EntryEdit } | { readonly ok: false; readonly errors: DraftErrors };

/** The form's starting point: the saved entry (or nothing), the action's status for actions. */
export function draftFrom(subject: EditorSubject, entry: FollowUpEntry | undefined): Draft {
  const status = entry?.status ?? subject.actionStatus;
  return {
    valueText: entry?.value !== undefined ? formatSwedishNumber(entry.value, { maxDecimals: 6 }) : '',
    comment: entry?.comment ?? '',
    ...(entry?.reference !== undefined ? { referenceText: formatSwedishNumber(entry.reference, { maxDecimals: 6 }) } : {}),
    ...(entry?.level ? { level: entry.level } : {}),
    ...(entry?.assessment ? { assessment: entry.assessment } : {}),
    ...(entry?.trend ? { trend: entry.trend } : {}),
    ...(status && subject.kind === 'action' ? { status } : {}),
  };
}

/** Parses the outcome text the Swedish way; an empty field is "no value", never zero. */
export function checkOutcomeText(text: string): { ok: true; value: number | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  const parsed = parseSwedishNumber(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.message };
}

/**
 * The form as the rules' edit: every field of the kind, an empty one cleared. Only the outcome's
 * text is checked here; what the rules refuse (a locked period, an implausible value) the store
 * answers before anything is written.
 */
export function checkDraft(subject: EditorSubject, draft: Draft): CheckedDraft {
  const fields = editableFields(subject);
  let value: number | null = null;
  if (fields.includes('value')) {
    const outcome = checkOutcomeText(draft.valueText);
    if (!outcome.ok) return { ok: false, errors: { value: outcome.message } };
    value = outcome.value ?? null;
  }
  let reference: number | null = null;
  if (fields.includes('reference')) {
    const typed = checkOutcomeText(draft.referenceText ?? '');
    if (!typed.ok) return { ok: false, errors: { reference: typed.message } };
    reference = typed.value ?? null;
  }
  const edit: EntryEdit = {
    ...(fields.includes('value') ? { value } : {}),
    ...(fields.includes('reference') ? { reference } : {}),
    ...(fields.includes('level') ? { level: draft.level ?? null } : {}),
    ...(fields.includes('assessment') ? { assessment: draft.assessment ?? null } : {}),
    ...(fields.includes('trend') ? { trend: draft.trend ?? null } : {}),
    ...(fields.includes('status') ? { status: draft.status ?? null } : {}),
    comment: draft.comment.trim() === '' ? null : draft.comment,
  };
  return { ok: true, edit };
}

export interface Suggestions {
  readonly assessment?: Assessment;
  readonly trend?: Trend;
}

/**
 * What the rules suggest for an indicator from what is typed now (an unparsable outcome suggests
 * nothing rather than something wrong) and the comparison period's entry, which is also what a
 * previous-year target reads against.
 */
export function suggestionsFor(subject: EditorSubject, draft: Draft, previous: FollowUpEntry | undefined): Suggestions {
  if (subject.kind !== 'indicator' || !subject.indicator) return {};
  const rule = subject.indicator;
  let outcome: Outcome;
  if (rule.valueType === 'qualitative') outcome = draft.level ? { level: draft.level } : {};
  else {
    const parsed = checkOutcomeText(draft.valueText);
    if (!parsed.ok || parsed.value === undefined) return {};
    const reference = checkOutcomeText(draft.referenceText ?? '');
    outcome = outcomeOf({ value: parsed.value, ...(reference.ok && reference.value !== undefined ? { reference: reference.value } : {}) }, previous);
  }
  const assessment = suggestAssessment(rule, outcome);
  const trend = suggestTrend(rule, outcome, previous ? outcomeOf(previous) : undefined);
  return { ...(assessment !== 'not-assessed' ? { assessment } : {}), ...(trend ? { trend } : {}) };
}

/** The note beside the assessment: only when the user chose one and it is not the suggestion. */
export function differsFromSuggestion(draft: Draft, suggestions: Suggestions): boolean {
  return draft.assessment !== undefined && suggestions.assessment !== undefined && draft.assessment !== suggestions.assessment;
}

/** Whether the form differs from where the user started (used to keep and restore drafts). */
export function isDirty(draft: Draft, base: Draft): boolean {
  return (
    draft.valueText.trim() !== base.valueText.trim() ||
    (draft.referenceText ?? '').trim() !== (base.referenceText ?? '').trim() ||
    draft.level !== base.level ||
    draft.assessment !== base.assessment ||
    draft.trend !== base.trend ||
    draft.comment !== base.comment ||
    draft.status !== base.status
  );
}

/** Both comments, neither lost: the saved one first (it was there first), then mine. */
export function mergeComments(theirs: string | undefined, mine: string | undefined): string {
  const a = (theirs ?? '').trim();
  const b = (mine ?? '').trim();
  if (!a) return b;
  if (!b || a === b || a.includes(b)) return a;
  if (b.includes(a)) return b;
  return `${a}\n\n${b}`;
}

export type ConflictChoice = 'keep-mine' | 'take-theirs' | 'merge';

/**
 * The form after the user chose how to resolve a conflict. "take-theirs" shows the saved version;
 * the user's own text is still offered beside it by the editor until they leave. "merge" keeps my
 * values and both comments.
 */
export function resolveConflict(choice: ConflictChoice, mine: Draft, theirs: Draft): Draft {
  switch (choice) {
    case 'keep-mine':
      return mine;
    case 'take-theirs':
      return theirs;
    case 'merge':
      return { ...mine, comment: mergeComments(theirs.comment, mine.comment) };
  }
}

/** How a failed save is explained: each case says that nothing was saved and the text is kept. */
export type SaveFailure = 'network' | 'throttled' | 'other';

export function classifySaveError(error: unknown): { kind: SaveFailure; detail: string } {
  const status = typeof error === 'object' && error !== null && 'status' in error ? (error as { status: unknown }).status : undefined;
  if (status === 429 || status === 503 || status === 504) return { kind: 'throttled', detail: '' };
  // fetch rejects with a TypeError when the network is down or the server unreachable.
  if (error instanceof TypeError || status === undefined) return { kind: 'network', detail: error instanceof Error ? error.message : String(error) };
  return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
}
