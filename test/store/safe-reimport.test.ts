// A re-import changes the plan's structure only: an outcome or an åtgärd's status that staff reported
// after the document is kept and named, `overwriteReported` writes the document's over it and names
// each change, `prune` archives what the document no longer has and deletes nothing, and a dry run
// works out the change set and writes nothing.
import type { PlanDocument } from '../../src/core';
import type { FollowUpStore } from '../../src/store';
import { entryOf, exportPlan, importPlan } from '../../src/store';
import { graphClientOf } from '../../src/store/follow-up-store';
import { listPath } from '../../src/store/site';
import type { Harness } from './harness';
import { fixture, normalise, registerPeople, startHarness } from './harness';

let h: Harness;
let store: FollowUpStore;
const doc = fixture('rs-2025.json');

beforeAll(async () => {
  h = await startHarness();
  registerPeople(h.emulator, doc);
  store = await h.store();
});

afterAll(async () => {
  await h.close();
});

async function save(kind: 'indicator' | 'action', ref: string, edit: Record<string, unknown>, upn: string): Promise<void> {
  const plan = await store.loadPlan('RS:2025');
  const result = await store.saveEntry(plan, { subjectKind: kind, subjectRef: ref, periodKey: '2025-annual', edit, base: entryOf(plan, kind, ref, '2025-annual') }, upn);
  expect(result.status).toBe('saved');
}

async function itemCount(list: 'Goals' | 'Indicators' | 'Assignments' | 'Risks' | 'Actions' | 'FollowUps'): Promise<number> {
  const page = await graphClientOf(store).get<{ value: unknown[] }>(`${listPath(store.site, list)}/items?$top=5000`);
  return page.value.length;
}

test("import → a staff save → re-import gives the staff's value back, and names it as kept", async () => {
  await importPlan(store, doc);
  expect(entryOf(await store.loadPlan('RS:2025'), 'indicator', 'g1-i1', '2025-annual')?.value).toBe(78);
  await save('indicator', 'g1-i1', { value: 79 }, 'johan.ekstrom@region.example');
  await save('action', 'r1-a3', { status: 'done' }, 'maria.holm@region.example');

  const report = await importPlan(store, doc);
  const plan = await store.loadPlan('RS:2025');
  expect(entryOf(plan, 'indicator', 'g1-i1', '2025-annual')).toMatchObject({ value: 79, reportedByUpn: 'johan.ekstrom@region.example' });
  expect(plan.actions.find((a) => a.ref === 'r1-a3')?.status).toBe('done');
  expect(entryOf(plan, 'action', 'r1-a3', '2025-annual')?.status).toBe('done');
  expect(report.kept).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ subject: 'styrtalet g1-i1', periodKey: '2025-annual', reportedByUpn: 'johan.ekstrom@region.example', fields: [{ field: 'Value', stored: 79, document: 78 }] }),
      expect.objectContaining({ subject: 'åtgärden r1-a3', fields: [{ field: 'Status', stored: 'done', document: 'done-with-deviation' }] }),
      expect.objectContaining({ subject: 'åtgärden r1-a3', periodKey: '2025-annual' }),
    ]),
  );
  expect(report.kept).toHaveLength(3);
  expect(report.overwritten).toEqual([]);
  expect(report.updated).toBe(0);
});

test('overwriteReported writes the document over what staff reported, and names each change', async () => {
  const report = await importPlan(store, doc, undefined, { overwriteReported: true });
  expect(report.kept).toEqual([]);
  expect(report.overwritten.map((o) => `${o.subject} ${o.periodKey ?? ''}`.trim()).sort()).toEqual(['styrtalet g1-i1 2025-annual', 'åtgärden r1-a3', 'åtgärden r1-a3 2025-annual'].sort());
  const plan = await store.loadPlan('RS:2025');
  expect(entryOf(plan, 'indicator', 'g1-i1', '2025-annual')?.value).toBe(78);
  expect(plan.actions.find((a) => a.ref === 'r1-a3')?.status).toBe('done-with-deviation');
  // What the document says is the plan again: export gives it back, and a further import writes nothing.
  expect(normalise({ ...(await exportPlan(store, 'RS:2025')), people: [] })).toEqual(normalise({ ...doc, people: [] }));
  expect(await importPlan(store, doc)).toMatchObject({ created: 0, updated: 0, kept: [] });
});

/** The document without goal g9 (its styrtal g9-i1 and uppdrag a35) and risk r19 (its åtgärd r19-a1). */
const shorter: PlanDocument = { ...doc, goals: (doc.goals ?? []).filter((g) => g.ref !== 'g9'), risks: (doc.risks ?? []).filter((r) => r.ref !== 'r19'), followUps: (doc.followUps ?? []).filter((f) => !['g9', 'g9-i1', 'a35', 'r19-a1'].includes(f.subject)) };
const gone = ['Goals:g9', 'Indicators:g9-i1', 'Assignments:a35', 'Risks:r19', 'Actions:r19-a1'];

test('a dry run lists the change set and writes nothing', async () => {
  const before = JSON.stringify(await exportPlan(store, 'RS:2025'));
  const counts = await Promise.all((['Goals', 'Actions', 'FollowUps'] as const).map(itemCount));
  const edited: PlanDocument = { ...shorter, title: `${doc.title} (reviderad)` };
  const report = await importPlan(store, edited, undefined, { dryRun: true, prune: true });
  expect(report.dryRun).toBe(true);
  expect(report.changes).toContainEqual({ action: 'update', list: 'Plans', name: 'planen RS:2025', fields: ['Title'] });
  expect(report.changes.filter((c) => c.fields.includes('Archived')).map((c) => c.name)).toEqual(['målet g9', 'styrtalet g9-i1', 'uppdraget a35', 'risken r19', 'åtgärden r19-a1']);
  expect(report.changes.every((c) => c.action === 'update')).toBe(true);
  expect(report.archived.map((t) => `${t.list}:${t.ref}`)).toEqual(gone);
  expect(JSON.stringify(await exportPlan(store, 'RS:2025'))).toBe(before);
  expect(await Promise.all((['Goals', 'Actions', 'FollowUps'] as const).map(itemCount))).toEqual(counts);
  // Not even the import's lease: the Körningar list is untouched.
  expect(await graphClientOf(store).get<{ value: unknown[] }>(`${listPath(store.site, 'Leases')}/items`).then((r) => r.value)).toEqual([]);

  // A dry run of a plan not yet imported: every item would be created, and none is.
  const hsn = await importPlan(store, fixture('hsn-2022.json'), undefined, { dryRun: true });
  expect(hsn).toMatchObject({ planItemId: '', dryRun: true });
  expect(hsn.created).toBeGreaterThan(30);
  expect((await store.listPlans()).map((p) => p.organisationCode)).toEqual(['RS']);
});

test('items missing from the document are listed; with prune they are archived, never deleted', async () => {
  const counts = await Promise.all((['Goals', 'Indicators', 'Assignments', 'Risks', 'Actions', 'FollowUps'] as const).map(itemCount));
  const listed = await importPlan(store, shorter);
  expect(listed.missing.map((t) => `${t.list}:${t.ref}`)).toEqual(gone);
  expect(listed.archived).toEqual([]);
  expect((await store.loadPlan('RS:2025')).goals.find((g) => g.ref === 'g9')?.archived).toBeUndefined();

  const pruned = await importPlan(store, shorter, undefined, { prune: true });
  expect(pruned.archived.map((t) => `${t.list}:${t.ref}`)).toEqual(gone);
  expect(pruned.archived[0]?.title).toMatch(/\S/);
  const plan = await store.loadPlan('RS:2025');
  expect(plan.goals.find((g) => g.ref === 'g9')).toMatchObject({ archived: true });
  expect(plan.actions.find((a) => a.ref === 'r19-a1')).toMatchObject({ archived: true });
  // Nothing deleted: every item and every entry is still there, for earlier periods' reports.
  expect(await Promise.all((['Goals', 'Indicators', 'Assignments', 'Risks', 'Actions', 'FollowUps'] as const).map(itemCount))).toEqual(counts);
  expect(plan.entries.some((e) => e.subjectRef === 'g9-i1')).toBe(true);
  // Archived things are out of Att göra.
  expect(store.myWork(plan, 'johan.ekstrom@region.example', '2025-annual').some((w) => w.ref === 'r19-a1')).toBe(false);

  // Pruned again: already archived, not listed again. The full document back: they stay archived, and say so.
  expect((await importPlan(store, shorter, undefined, { prune: true })).missing).toEqual([]);
  const back = await importPlan(store, doc);
  expect(back.stillArchived.map((t) => `${t.list}:${t.ref}`)).toEqual(gone);
});

test("a document with another status leaves the plan's status alone, and says so", async () => {
  const report = await importPlan(store, { ...doc, status: 'draft' });
  expect(report.planStatusKept).toEqual({ stored: 'adopted', document: 'draft' });
  expect((await store.loadPlan('RS:2025')).plan.status).toBe('adopted');
});
