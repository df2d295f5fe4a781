// Importing a plan exchange document: validated first (nothing written when invalid), then, under
// the plan's import lease (one import of a plan at a time), created or updated item by item on its
// unique keys, so a second import writes nothing and a failed one, run again, finishes the work.
// A re-import changes the plan's structure only: what staff reported since the document is kept
// (import-guard.ts), another plan's schedule and every lock are left alone, and things the document
// no longer has are listed, and archived with `prune`, never deleted.
import type { PlanDocument, ValidationIssue } from '../core';
import { documentToModel, validatePlanDocument } from '../core';
import type { ListItem, WriteFields } from '../lists/mapping';
import {
  actionFields,
  assignmentFields,
  followUpFields,
  goalFields,
  indicatorFields,
  organisationFields,
  periodFields,
  planFields,
  planPeriodFields,
  refOfKey,
  riskFields,
} from '../lists/mapping';
import type { ListName } from '../lists/schema';
import { followUpKey, planItemKey, planKey, planPeriodKey } from '../lists/schema';
import { readItemsBatched } from './read-items';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { PlanThing, ReportedChange } from './import-guard';
import { guardActionStatus, guardEntries, missingFromDocument } from './import-guard';
import type { PlannedChange, Write, WriteTally } from './import-writes';
import { NOT_YET_CREATED, applyWrites, itemName, keyOf, upsert } from './import-writes';
import type { Lease, LeaseAttempt } from './lease';
import { busyText, keepLease, newRunId, releaseLease, waitForLease } from './lease';
import { itemsQuery, odataString } from './site';

export type { PlannedChange } from './import-writes';
// Plan editing compares stored and wanted fields the same way.
export { changedFields } from './import-writes';
export type { PlanThing, ReportedChange } from './import-guard';

/** An import renews its lease as it goes; one that dies leaves it to expire after this long. */
const IMPORT_LEASE_MS = 5 * 60_000;
/** How long an import waits for another import of the same plan before giving up. */
const IMPORT_WAIT_MS = 10 * 60_000;

export interface ImportOptions {
  /** How long to wait for another import of the same plan (default 10 minutes). */
  readonly waitMs?: number;
  /** Told when another import of the plan is running and this one waits for it. */
  readonly onWait?: (message: string) => void;
  /** Write the document's entries and åtgärd statuses over those reported since it, listing each. */
  readonly overwriteReported?: boolean;
  /** Archive the plan's things the document no longer has (never deleted). */
  readonly prune?: boolean;
  /** Work out the change set and write nothing: no lease, no item. */
  readonly dryRun?: boolean;
}

/** Another import of the same plan held its lease for as long as this one would wait. */
export class ImportBusyError extends Error {
  constructor(planKeyText: string, busy: Extract<LeaseAttempt, { status: 'busy' }>) {
    super(`En annan import av ${planKeyText} pågår fortfarande (${busyText(busy)}); inget har skrivits. Kör importen igen när den är klar.`);
    this.name = 'ImportBusyError';
  }
}

export class InvalidPlanDocumentError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`Dokumentet är ogiltigt (${issues.length} fel); inget har skrivits.`);
    this.name = 'InvalidPlanDocumentError';
  }
}

export interface ImportReport {
  readonly planKey: string;
  /** The plan's item id; empty in a dry run of a plan not yet imported. */
  readonly planItemId: string;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly dryRun: boolean;
  /** Each item created or changed (in a dry run: that would be). */
  readonly changes: readonly PlannedChange[];
  /** Reports in Målkoll newer than the document's, left as they are. */
  readonly kept: readonly ReportedChange[];
  /** The same, written over because `overwriteReported` said so. */
  readonly overwritten: readonly ReportedChange[];
  /** The plan's things the document no longer has (archived only with `prune`). */
  readonly missing: readonly PlanThing[];
  /** Those of them archived by this import (`prune`; in a dry run: that would be). */
  readonly archived: readonly PlanThing[];
  /** Things archived in Målkoll that the document still has: they stay archived. */
  readonly stillArchived: readonly PlanThing[];
  /** The plan's status in Målkoll when the document says another: adopting and archiving are the controllers' steps. */
  readonly planStatusKept?: { readonly stored: string; readonly document: string };
}

export type ImportProgress = (event: { phase: string; done: number; total: number }) => void;

export async function importPlan(store: FollowUpStore, input: unknown, onProgress: ImportProgress = () => undefined, options: ImportOptions = {}): Promise<ImportReport> {
  const validation = validatePlanDocument(input);
  if (!validation.ok) throw new InvalidPlanDocumentError(validation.issues);
  const doc: PlanDocument = validation.document;
  if (options.dryRun) return importUnderLease(store, doc, onProgress, () => Promise.resolve(), options);
  const key = planKey(doc.organisation.code, doc.year);
  const holder = newRunId();
  const attempt = await waitForLease(store, `import:${key}`, {
    holder,
    ttlMs: IMPORT_LEASE_MS,
    waitMs: options.waitMs ?? IMPORT_WAIT_MS,
    onWait: (busy) => options.onWait?.(`En annan import av ${key} pågår (${busyText(busy)}); väntar tills den är klar …`),
  });
  if (attempt.status === 'busy') throw new ImportBusyError(key, attempt);
  let lease: Lease = attempt.lease;
  const keep = async (): Promise<void> => {
    const kept = await keepLease(store, lease, { holder, ttlMs: IMPORT_LEASE_MS });
    if (!kept) throw new Error(`Importen av ${key} tog längre tid än dess lån och en annan import tog över; kör importen igen, den fortsätter där den slutade.`);
    lease = kept;
  };
  try {
    return await importUnderLease(store, doc, onProgress, keep, options);
  } finally {
    await releaseLease(store, lease).catch(() => undefined); // left to expire
  }
}

const SUBJECT_THING = { goal: 'målet', indicator: 'styrtalet', assignment: 'uppdraget', action: 'åtgärden' } as const;

async function importUnderLease(store: FollowUpStore, doc: PlanDocument, onProgress: ImportProgress, keep: () => Promise<void>, options: ImportOptions): Promise<ImportReport> {
  const { contents, entries, organisations: tree } = documentToModel(doc);
  const client = graphClientOf(store);
  const { site } = store;
  const dryRun = options.dryRun === true;
  const tally: WriteTally = { created: 0, updated: 0, unchanged: 0, changes: [] };
  const key = planKey(contents.organisation.code, contents.plan.year);
  const apply = async (writes: readonly Write[]): Promise<string[]> => {
    await keep();
    return applyWrites(client, site, writes, tally, dryRun);
  };

  const codes = [contents.organisation.code, ...(contents.organisation.parentCode ? [contents.organisation.parentCode] : [])];
  // A document with the tree around its plan reads every organisation (a few dozen); else the two it names.
  const [orgs = [], plans = [], periods = []] = await readItemsBatched(client, [
    itemsQuery(site, 'Organisations', tree.length > 0 ? {} : { filter: codes.map((c) => `fields/Code eq ${odataString(c)}`).join(' or ') }),
    itemsQuery(site, 'Plans', { filter: `fields/Key eq ${odataString(key)}` }),
    itemsQuery(site, 'Periods'),
  ]);
  const byField = (items: readonly ListItem[], field: string) => new Map(items.map((i) => [keyOf(i.fields[field]), i]));

  const orgByCode = byField(orgs, 'Code');
  const parentCode = contents.organisation.parentCode;
  if (parentCode && !orgByCode.has(keyOf(parentCode)) && !tree.some((o) => keyOf(o.code) === keyOf(parentCode))) {
    // Never a child without its parent: that would drop the tree silently.
    throw new Error(`Den överordnade organisationen ${parentCode} finns inte på webbplatsen. Importera dess plan först, eller ta med den i dokumentets organisations; ingenting har sparats.`);
  }
  // The tree first, parents before children, each under its parent's item: the plan's organisation then finds its own.
  const treeIds = new Map<string, string>();
  const idOfCode = (code: string | undefined) => (code ? (treeIds.get(keyOf(code)) ?? orgByCode.get(keyOf(code))?.id) : undefined);
  for (const organisation of tree.filter((o) => keyOf(o.code) !== keyOf(contents.organisation.code))) {
    const [id] = await apply([upsert('Organisations', organisation.code, organisationFields(organisation, idOfCode(organisation.parentCode)), orgByCode)]);
    if (id && id !== NOT_YET_CREATED) treeIds.set(keyOf(organisation.code), id);
  }
  const parentId = idOfCode(contents.organisation.parentCode);
  const [orgId] = await apply([upsert('Organisations', contents.organisation.code, organisationFields(contents.organisation, parentId), orgByCode)]);
  // The period keys are shared by every plan: a missing one is created bare, one that exists is
  // never written (another plan's deadline or lock may be on it). Deadlines go to the plan's own rows.
  const sharedPeriods = byField(periods, 'Key');
  await apply(contents.periods.filter((p) => !sharedPeriods.has(keyOf(p.key))).map((p) => upsert('Periods', p.key, sharedPeriodFields(p), sharedPeriods)));
  const planWrite = upsert('Plans', key, planFields(contents.plan, orgId ?? ''), byField(plans, 'Key'));
  const storedStatus = planWrite.stored ? String(planWrite.stored.fields.Status ?? '') : '';
  const planStatusKept = planWrite.stored && storedStatus !== '' && storedStatus !== contents.plan.status ? { stored: storedStatus, document: contents.plan.status } : undefined;
  const [planId] = await apply([planStatusKept ? { ...planWrite, fields: { ...planWrite.fields, Status: storedStatus } } : planWrite]);
  if (!planId) throw new Error(`Planen ${key} kunde inte skapas.`);
  const planItemId = planId === NOT_YET_CREATED ? '' : planId;

  const existing = planItemId ? await store.planItems(planItemId) : { goals: [], indicators: [], assignments: [], risks: [], actions: [], followUps: [], planPeriods: [] };
  const schedulePlanId = planItemId || NOT_YET_CREATED;
  // This plan's deadlines, and nothing of its locks: an import never locks or unlocks a period.
  await apply(
    contents.periods.map((p) => upsert('PlanPeriods', planPeriodKey(schedulePlanId, p.key), planPeriodFields({ periodKey: p.key, ...(p.deadline ? { deadline: p.deadline } : {}) }, schedulePlanId), byField(existing.planPeriods, 'Key'))),
  );
  onProgress({ phase: 'plan', done: 1, total: 4 });

  const existingByKey = new Map([...existing.goals, ...existing.indicators, ...existing.assignments, ...existing.risks, ...existing.actions, ...existing.followUps].map((i) => [keyOf(i.fields.Key), i]));
  const itemKey = (ref: string) => planItemKey(schedulePlanId, ref);
  const order = (ref: string, all: ReadonlyArray<{ ref: string }>) => all.findIndex((x) => x.ref === ref) + 1;
  const ctx = (ref: string, all: ReadonlyArray<{ ref: string }>) => ({ planItemId: schedulePlanId, sortOrder: order(ref, all) });

  const goalIds = await apply(contents.goals.map((g) => upsert('Goals', itemKey(g.ref), goalFields(g, ctx(g.ref, contents.goals)), existingByKey)));
  const riskIds = await apply(contents.risks.map((r) => upsert('Risks', itemKey(r.ref), riskFields(r, ctx(r.ref, contents.risks)), existingByKey)));
  onProgress({ phase: 'goals', done: 2, total: 4 });
  const idOf = new Map<string, string>();
  contents.goals.forEach((g, i) => idOf.set(g.ref, goalIds[i] ?? ''));
  contents.risks.forEach((r, i) => idOf.set(r.ref, riskIds[i] ?? ''));

  const indicatorIds = await apply(contents.indicators.map((ind) => upsert('Indicators', itemKey(ind.ref), indicatorFields(ind, { ...ctx(ind.ref, contents.indicators), goalItemId: idOf.get(ind.goalRef) ?? '' }), existingByKey)));
  const assignmentIds = await apply(
    contents.assignments.map((a) => upsert('Assignments', itemKey(a.ref), assignmentFields(a, { ...ctx(a.ref, contents.assignments), goalItemId: a.goalRef ? idOf.get(a.goalRef) : undefined }), existingByKey)),
  );
  // The document's entries, as they would be written: an åtgärd's status compares with them.
  const entryWrites = (ids: ReadonlyMap<string, string>) =>
    entries.map((e) => {
      const subjectItemId = ids.get(e.subjectRef) ?? '';
      return { entry: e, write: upsert('FollowUps', followUpKey(e.subjectKind, subjectItemId, e.periodKey), followUpFields(e, { planItemId: schedulePlanId, subjectItemId }), existingByKey) };
    });
  const actionWrites = contents.actions.map((a) =>
    upsert('Actions', itemKey(a.ref), actionFields(a, { ...ctx(a.ref, contents.actions), riskItemId: a.riskRef ? idOf.get(a.riskRef) : undefined, goalItemId: a.goalRef ? idOf.get(a.goalRef) : undefined }), existingByKey),
  );
  const storedActionIds = new Map(contents.actions.map((a, i) => [a.ref, actionWrites[i]?.stored?.id ?? NOT_YET_CREATED]));
  const documentEntriesOf = new Map<string, WriteFields[]>();
  for (const { entry, write } of entryWrites(storedActionIds)) {
    if (entry.subjectKind === 'action') documentEntriesOf.set(entry.subjectRef, [...(documentEntriesOf.get(entry.subjectRef) ?? []), write.fields]);
  }
  const statuses = guardActionStatus(
    actionWrites,
    (write) => {
      const ref = contents.actions[actionWrites.indexOf(write)]?.ref ?? '';
      const stored = existing.followUps.filter((f) => f.fields.SubjectKind === 'action' && String(f.fields.SubjectId ?? '') === write.stored?.id);
      return { stored, document: documentEntriesOf.get(ref) ?? [] };
    },
    options.overwriteReported === true,
  );
  const actionIds = await apply(statuses.writes);
  onProgress({ phase: 'items', done: 3, total: 4 });
  contents.indicators.forEach((x, i) => idOf.set(x.ref, indicatorIds[i] ?? ''));
  contents.assignments.forEach((x, i) => idOf.set(x.ref, assignmentIds[i] ?? ''));
  contents.actions.forEach((x, i) => idOf.set(x.ref, actionIds[i] ?? ''));

  const planned = entryWrites(idOf);
  const entryOfWrite = new Map(planned.map(({ entry, write }) => [write, entry]));
  const guarded = guardEntries(
    planned.map((p) => p.write),
    (write) => {
      const entry = entryOfWrite.get(write);
      return { subject: entry ? `${SUBJECT_THING[entry.subjectKind]} ${entry.subjectRef}` : itemName(write), periodKey: entry?.periodKey ?? '' };
    },
    options.overwriteReported === true,
  );
  await apply(guarded.writes);
  onProgress({ phase: 'entries', done: 4, total: 4 });

  // What the document no longer has: listed; archived with prune (with If-Match), never deleted.
  const documentKeys = new Set(
    [...contents.goals, ...contents.indicators, ...contents.assignments, ...contents.risks, ...contents.actions].map((t) => keyOf(itemKey(t.ref))),
  );
  const lists: ReadonlyArray<{ list: ListName; items: readonly ListItem[] }> = [
    { list: 'Goals', items: existing.goals },
    { list: 'Indicators', items: existing.indicators },
    { list: 'Assignments', items: existing.assignments },
    { list: 'Risks', items: existing.risks },
    { list: 'Actions', items: existing.actions },
  ];
  const missing = missingFromDocument(lists, documentKeys);
  if (options.prune && missing.length > 0) await apply(missing.map((m) => ({ list: m.list, key: String(m.item.fields.Key ?? ''), itemId: m.item.id, fields: { Archived: true }, stored: m.item })));
  const stillArchived = lists.flatMap(({ list, items }) =>
    items.filter((i) => i.fields.Archived === true && documentKeys.has(keyOf(i.fields.Key))).map((i) => thingOf(list, i)),
  );
  const things = missing.map(({ item: _item, ...thing }) => thing);
  return {
    planKey: key,
    planItemId,
    created: tally.created,
    updated: tally.updated,
    unchanged: tally.unchanged,
    dryRun,
    changes: tally.changes,
    kept: [...statuses.kept, ...guarded.kept],
    overwritten: [...statuses.overwritten, ...guarded.overwritten],
    missing: things,
    archived: options.prune ? things : [],
    stillArchived,
    ...(planStatusKept ? { planStatusKept } : {}),
  };
}

function thingOf(list: ListName, item: ListItem): PlanThing {
  const key = String(item.fields.Key ?? '');
  return { list, ref: refOfKey(key), name: itemName({ list, key }), title: String(item.fields.FullTitle ?? item.fields.Title ?? '') };
}

/** A shared period as an import creates it: its key and kind, never a deadline or a lock. */
function sharedPeriodFields(period: Parameters<typeof periodFields>[0]): WriteFields {
  const { Deadline: _deadline, Locked: _locked, ...bare } = periodFields(period);
  return bare;
}
