// Sending confirmed Data-table changes: each row with the eTag it was read with, so a row someone
// else saved in between comes back as a conflict with the server's version, never overwritten.
// Every row ends as saved, conflict or refused (with the reason).
import type { FollowUpEntry, ValueType } from '../core';
import { ASSIGNMENT_ASSESSMENT, formatSwedishNumber, GOAL_ASSESSMENT, LEVEL } from '../core';
import type { SavedRow } from '../excel/office';
import type { RowChange } from '../excel/write-back';
import type { LoadedPlan, SaveResult, StoredEntry } from '../store';
import { entryOf, itemIdOf } from '../store';

/** The part of `FollowUpStore` sending needs (a test may wrap it). */
export interface EntrySaver {
  saveEntry(plan: LoadedPlan, entry: FollowUpEntry, base?: { itemId: string; eTag: string }): Promise<SaveResult<StoredEntry>>;
}

export type SendOutcome =
  | { readonly status: 'saved'; readonly change: RowChange; readonly saved: StoredEntry }
  | { readonly status: 'conflict'; readonly change: RowChange; readonly server: StoredEntry; readonly message: string }
  | { readonly status: 'refused'; readonly change: RowChange; readonly reason: string };

export interface SendOptions {
  /** Who reports: written as ReportedByUpn. */
  readonly upn: string;
  readonly now?: () => Date;
  /** Saves in flight at once (each is a PATCH and a read). */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Numeric or qualitative, per styrtal ref, from a loaded plan (for parsing Utfall). */
export function valueTypes(plan: LoadedPlan): (ref: string) => ValueType | undefined {
  const types = new Map(plan.indicators.map((i) => [i.ref, i.valueType]));
  return (ref) => types.get(ref);
}

function describe(entry: StoredEntry): string {
  const parts: string[] = [];
  if (entry.value !== undefined) parts.push(`Utfall ${formatSwedishNumber(entry.value, { maxDecimals: 6 })}`);
  else if (entry.level !== undefined) parts.push(`Utfall ${LEVEL[entry.level].sv}`);
  if (entry.assessment !== undefined) parts.push(`Bedömning ${(entry.subjectKind === 'assignment' ? ASSIGNMENT_ASSESSMENT : GOAL_ASSESSMENT)[entry.assessment].sv}`);
  parts.push(entry.comment ? `Kommentar "${entry.comment}"` : 'ingen kommentar');
  return parts.join(', ');
}

export function conflictMessage(server: StoredEntry): string {
  const who = server.reportedByUpn ? ` av ${server.reportedByUpn}` : '';
  const when = server.reportedAt ? ` ${server.reportedAt.slice(0, 10)}` : '';
  return `Någon annan har sparat${who}${when} sedan tabellen hämtades: ${describe(server)}. Din ändring skickades inte. Uppdatera tabellen och gör om ändringen om den fortfarande behövs.`;
}

function entryFor(plan: LoadedPlan, change: RowChange, current: StoredEntry | undefined, options: SendOptions): FollowUpEntry | string {
  const { base, edit } = change;
  const indicator = base.subjectKind === 'indicator' ? plan.indicators.find((i) => i.ref === base.subjectRef) : undefined;
  const kept: Partial<FollowUpEntry> = current
    ? Object.fromEntries(Object.entries(current).filter(([k]) => !['itemId', 'eTag', 'subjectItemId'].includes(k)))
    : {};
  const entry: Record<string, unknown> = { ...kept, subjectKind: base.subjectKind, subjectRef: base.subjectRef, periodKey: base.periodKey };
  if (edit.outcome !== undefined) {
    delete entry.value;
    delete entry.level;
    if (edit.outcome?.kind === 'number') {
      if (indicator?.valueType === 'qualitative') return 'Styrtalet är kvalitativt; ange en nivå, inte ett tal.';
      entry.value = edit.outcome.value;
    } else if (edit.outcome?.kind === 'level') {
      if (indicator?.valueType === 'numeric') return 'Styrtalet mäts med tal; ange ett tal, inte en nivå.';
      entry.level = edit.outcome.value;
    }
  }
  if (edit.assessment !== undefined) {
    if (edit.assessment === null) delete entry.assessment;
    else entry.assessment = edit.assessment;
  }
  if (edit.comment !== undefined) {
    if (edit.comment === null) delete entry.comment;
    else entry.comment = edit.comment;
  }
  entry.reportedByUpn = options.upn;
  entry.reportedAt = (options.now?.() ?? new Date()).toISOString();
  return entry as unknown as FollowUpEntry;
}

async function sendOne(saver: EntrySaver, plan: LoadedPlan, change: RowChange, options: SendOptions): Promise<SendOutcome> {
  const { base } = change;
  if (!itemIdOf(plan, base.subjectKind, base.subjectRef)) return { status: 'refused', change, reason: `${change.title} finns inte längre i planen.` };
  const period = plan.periods.find((p) => p.key === base.periodKey);
  if (period?.locked) return { status: 'refused', change, reason: `Perioden ${base.periodKey} är låst; inga ändringar tas emot.` };
  const current = entryOf(plan, base.subjectKind, base.subjectRef, base.periodKey);
  if (base.entryItemId !== undefined && base.eTag !== undefined && !current) {
    return { status: 'refused', change, reason: 'Uppföljningen har tagits bort i Målkoll sedan tabellen hämtades. Uppdatera tabellen.' };
  }
  // Someone made the first report since the table was read: theirs stands until the user decides.
  if (base.entryItemId === undefined && current) return { status: 'conflict', change, server: current, message: conflictMessage(current) };
  const entry = entryFor(plan, change, current, options);
  if (typeof entry === 'string') return { status: 'refused', change, reason: entry };
  try {
    const result = await saver.saveEntry(plan, entry, base.entryItemId !== undefined && base.eTag !== undefined ? { itemId: base.entryItemId, eTag: base.eTag } : undefined);
    return result.status === 'saved' ? { status: 'saved', change, saved: result.saved } : { status: 'conflict', change, server: result.server, message: conflictMessage(result.server) };
  } catch (error) {
    return { status: 'refused', change, reason: `Kunde inte sparas: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Sends every change, a few at a time; the order of the outcomes is the order of the changes. */
export async function sendChanges(saver: EntrySaver, plan: LoadedPlan, changes: readonly RowChange[], options: SendOptions): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = new Array<SendOutcome>(changes.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < changes.length) {
      const i = next++;
      const change = changes[i];
      if (!change) continue;
      outcomes[i] = await sendOne(saver, plan, change, options);
      done += 1;
      options.onProgress?.(done, changes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, changes.length)) }, worker));
  return outcomes;
}

/** What the workbook records for saved rows, so the next send starts from their new eTags. */
export function savedRows(outcomes: readonly SendOutcome[]): SavedRow[] {
  return outcomes.flatMap((o) =>
    o.status !== 'saved'
      ? []
      : [
          {
            row: o.change.row,
            key: o.change.key,
            entryItemId: o.saved.itemId,
            eTag: o.saved.eTag,
            original: { value: o.saved.value ?? o.saved.level ?? null, assessment: o.saved.assessment ?? null, comment: o.saved.comment ?? null },
          },
        ],
  );
}
