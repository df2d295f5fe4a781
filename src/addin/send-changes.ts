// Sending confirmed Data-table changes: each row with the eTag it was read with, so a row someone
// else saved in between comes back as a conflict with the server's version, never overwritten.
// Every row ends as saved, conflict or refused (with the reason).
import type { EntryEdit, ValueType } from '../core';
import { ASSIGNMENT_ASSESSMENT, formatSwedishNumber, GOAL_ASSESSMENT, LEVEL } from '../core';
import type { SavedRow } from '../excel/office';
import type { RowChange } from '../excel/write-back';
import type { FollowUpStore, LoadedPlan, StoredEntry } from '../store';
import { entryOf } from '../store';

/** The part of `FollowUpStore` sending needs (a test may wrap it). */
export type EntrySaver = Pick<FollowUpStore, 'saveEntry'>;

export type SendOutcome =
  | { readonly status: 'saved'; readonly change: RowChange; readonly saved: StoredEntry }
  | { readonly status: 'conflict'; readonly change: RowChange; readonly server: StoredEntry; readonly message: string }
  | { readonly status: 'refused'; readonly change: RowChange; readonly reason: string };

export interface SendOptions {
  /** Who reports: written as ReportedByUpn. */
  readonly upn: string;
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

/** The cells the user changed, as the rules' edit: an emptied cell clears its field. */
function editOf(change: RowChange): EntryEdit {
  const { outcome, assessment, comment } = change.edit;
  return {
    ...(outcome === null ? { value: null, level: null } : outcome?.kind === 'number' ? { value: outcome.value } : outcome?.kind === 'level' ? { level: outcome.value } : {}),
    ...(assessment !== undefined ? { assessment } : {}),
    ...(comment !== undefined ? { comment } : {}),
  };
}

async function sendOne(saver: EntrySaver, plan: LoadedPlan, change: RowChange, options: SendOptions): Promise<SendOutcome> {
  const { base } = change;
  const current = entryOf(plan, base.subjectKind, base.subjectRef, base.periodKey);
  if (base.entryItemId !== undefined && base.eTag !== undefined && !current) {
    return { status: 'refused', change, reason: 'Uppföljningen har tagits bort i Målkoll sedan tabellen hämtades. Uppdatera tabellen.' };
  }
  // Someone made the first report since the table was read: theirs stands until the user decides.
  if (base.entryItemId === undefined && current) return { status: 'conflict', change, server: current, message: conflictMessage(current) };
  // The values now, with the eTag the row was read with: a newer version on the server is a conflict.
  const from = current && base.entryItemId !== undefined && base.eTag !== undefined ? { ...current, itemId: base.entryItemId, eTag: base.eTag } : undefined;
  try {
    const result = await saver.saveEntry(plan, { subjectKind: base.subjectKind, subjectRef: base.subjectRef, periodKey: base.periodKey, edit: editOf(change), base: from }, options.upn);
    switch (result.status) {
      case 'saved':
        return { status: 'saved', change, saved: result.saved.entry };
      case 'conflict':
        return { status: 'conflict', change, server: result.server.entry, message: conflictMessage(result.server.entry) };
      case 'refused':
        return { status: 'refused', change, reason: result.refusal.message };
    }
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
