// What a re-import may not write over: an entry or an åtgärd's status reported since the document
// (docs/cli.md, "Re-import"), and the plan's status, which only adopting and archiving change. And
// what the document no longer has. Pure: the import reads the items, these decide.
import type { WriteFields } from '../lists/mapping';
import { refOfKey } from '../lists/mapping';
import { readText } from '../lists/fields';
import type { ListItem } from '../lists/mapping';
import type { ListName } from '../lists/schema';
import type { Write } from './import-writes';
import { changedFields, itemName, keyOf } from './import-writes';

/** A report in Målkoll that differs from the document's: kept, or (when forced) written over. */
export interface ReportedChange {
  /** The thing in Swedish with its ref: "styrtalet g1-i1". */
  readonly subject: string;
  /** The period of an entry; absent for an åtgärd's status on the Actions list. */
  readonly periodKey?: string;
  readonly reportedByUpn?: string;
  readonly reportedAt?: string;
  /** Each column that differs: what Målkoll holds, and what the document says. */
  readonly fields: ReadonlyArray<{ readonly field: string; readonly stored: unknown; readonly document: unknown }>;
}

/** A thing of the plan, named in Swedish. */
export interface PlanThing {
  readonly list: ListName;
  readonly ref: string;
  readonly name: string;
  readonly title: string;
}

/** When an entry was last reported or moved in the round: what "since the document" compares. */
const TOUCHED_AT = ['ReportedAt', 'StateAt'] as const;

/** Columns that say who and when, where, or the step in the round: not what was reported. */
const NOT_REPORTED = new Set(['Title', 'Key', 'PlanLookupId', 'Period', 'SubjectKind', 'SubjectId', 'ReportedByUpn', 'ReportedAt', 'State', 'StateByUpn', 'StateAt', 'ReturnComment']);

function latest(fields: ReadonlyArray<Readonly<Record<string, unknown>>>): number | undefined {
  const times = fields.flatMap((f) => TOUCHED_AT.map((name) => f[name])).flatMap((v) => (typeof v === 'string' ? [Date.parse(v)] : [])).filter((t) => !Number.isNaN(t));
  return times.length > 0 ? Math.max(...times) : undefined;
}

/**
 * Reported since the document: Målkoll's latest report (or step in the round) is later than the
 * document's. A document without a time is older than any report with one; a stored entry without
 * one was written by an import.
 */
export function reportedSince(stored: ReadonlyArray<Readonly<Record<string, unknown>>>, document: ReadonlyArray<Readonly<Record<string, unknown>>>): boolean {
  const storedAt = latest(stored);
  if (storedAt === undefined) return false;
  const documentAt = latest(document);
  return documentAt === undefined || storedAt > documentAt;
}

function differences(changed: WriteFields, stored: Readonly<Record<string, unknown>>): ReportedChange['fields'] {
  return Object.entries(changed)
    .filter(([name]) => !NOT_REPORTED.has(name))
    .map(([field, document]) => ({ field, stored: stored[field] ?? null, document }));
}

function reportOf(subject: string, stored: Readonly<Record<string, unknown>>, fields: ReportedChange['fields'], periodKey?: string): ReportedChange {
  const by = readText(stored, 'ReportedByUpn');
  const at = readText(stored, 'ReportedAt');
  return { subject, ...(periodKey ? { periodKey } : {}), ...(by ? { reportedByUpn: by } : {}), ...(at ? { reportedAt: at } : {}), fields };
}

export interface Guarded {
  /** The writes to send: a kept report's fields are what Målkoll holds. */
  readonly writes: Write[];
  readonly kept: ReportedChange[];
  readonly overwritten: ReportedChange[];
}

/**
 * The document's entries against the stored ones: an entry reported since the document is kept
 * (not written), unless `overwrite`, when each is written and listed. One that differs only in who
 * and when is left alone silently.
 */
export function guardEntries(writes: readonly Write[], subjectOf: (write: Write) => { subject: string; periodKey: string }, overwrite: boolean): Guarded {
  const out: Guarded = { writes: [], kept: [], overwritten: [] };
  for (const write of writes) {
    const stored = write.stored;
    if (!stored || !reportedSince([stored.fields], [write.fields])) {
      out.writes.push(write);
      continue;
    }
    const fields = differences(changedFields(write.fields, stored.fields, 'FollowUps'), stored.fields);
    if (fields.length === 0) continue;
    const { subject, periodKey } = subjectOf(write);
    const report = reportOf(subject, stored.fields, fields, periodKey);
    if (overwrite) {
      out.writes.push(write);
      out.overwritten.push(report);
    } else out.kept.push(report);
  }
  return out;
}

/**
 * An åtgärd's status on the Actions list, against the document's: one reported since the document
 * (an entry of the åtgärd, any period, later than the document's entries of it) is kept, unless
 * `overwrite`. Its other columns are the plan's structure and follow the document.
 */
export function guardActionStatus(
  writes: readonly Write[],
  entriesOf: (write: Write) => { stored: readonly ListItem[]; document: ReadonlyArray<Readonly<Record<string, unknown>>> },
  overwrite: boolean,
): Guarded {
  const out: Guarded = { writes: [], kept: [], overwritten: [] };
  for (const write of writes) {
    const stored = write.stored;
    const changed = stored ? changedFields(write.fields, stored.fields, 'Actions') : {};
    const entries = entriesOf(write);
    if (!stored || !('Status' in changed) || !reportedSince(entries.stored.map((e) => e.fields), entries.document)) {
      out.writes.push(write);
      continue;
    }
    const latestEntry = [...entries.stored].sort((a, b) => String(b.fields.ReportedAt ?? '').localeCompare(String(a.fields.ReportedAt ?? '')))[0];
    const report = reportOf(itemName(write), latestEntry?.fields ?? {}, [{ field: 'Status', stored: stored.fields.Status ?? null, document: write.fields.Status ?? null }]);
    if (overwrite) {
      out.writes.push(write);
      out.overwritten.push(report);
    } else {
      out.writes.push({ ...write, fields: { ...write.fields, Status: (stored.fields.Status as string | undefined) ?? null } });
      out.kept.push(report);
    }
  }
  return out;
}

/** The plan's things the document no longer has, and are not archived already. */
export function missingFromDocument(stored: ReadonlyArray<{ list: ListName; items: readonly ListItem[] }>, documentKeys: ReadonlySet<string>): Array<PlanThing & { item: ListItem }> {
  return stored.flatMap(({ list, items }) =>
    items
      .filter((item) => item.fields.Archived !== true && !documentKeys.has(keyOf(item.fields.Key)))
      .map((item) => {
        const key = String(item.fields.Key ?? '');
        return { list, ref: refOfKey(key), name: itemName({ list, key }), title: readText(item.fields, 'FullTitle') ?? readText(item.fields, 'Title') ?? '', item };
      }),
  );
}
