// What a save is and what it gives back: the same for the store writing to Graph itself and for
// the front ends' store writing through Målkoll's API (write-api.ts).
import type { EditRefusal, EntryEdit, FollowUpEntry, RoundRole, SubjectKind } from '../core';
import type { LoadedPlan, StoredAction, StoredEntry } from './loaded-plan';

export type SaveResult<T> =
  | { readonly status: 'saved'; readonly saved: T }
  /** Someone else changed it since `base` was read: nothing was written; both versions are here. */
  | { readonly status: 'conflict'; readonly server: T; readonly mine: FollowUpEntry }
  /** The rules refuse it (a locked period, a field the thing lacks, a value to confirm): nothing was written. */
  | { readonly status: 'refused'; readonly refusal: EditRefusal };

/** One report of one thing in one period, as the user changed it. */
export interface EntrySave {
  readonly subjectKind: SubjectKind;
  readonly subjectRef: string;
  readonly periodKey: string;
  readonly edit: EntryEdit;
  /** The saved entry the user started from; absent for a first report. A newer one is a conflict. */
  readonly base?: StoredEntry | undefined;
  /** The user confirmed an implausible value. */
  readonly confirmed?: boolean;
  /** A controller may correct a klar or approved entry; the default, a reporter, may not. */
  readonly actorRole?: RoundRole;
}

/** The saved entry and, for an åtgärd whose status changed, the action as the list now holds it. */
export interface SavedReport {
  readonly entry: StoredEntry;
  readonly action?: StoredAction;
}

/** Where a store sends its saves when it does not write to Graph itself (the write API's client). */
export interface EntryWriter {
  saveEntry(plan: LoadedPlan, save: EntrySave): Promise<SaveResult<SavedReport>>;
}
