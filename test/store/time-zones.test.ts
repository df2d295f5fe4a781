// The dates a user entered are the dates everyone sees, on a SharePoint site in any time zone: the
// emulator keeps date-only columns as midnight in the site's zone (as SharePoint does), and import,
// export, the tab's plan, the notify job and its records give the same days; nothing fires early.
import type { PlanDocument } from '../../src/core';
import type { BatchRequest, BatchResponse, GraphClient } from '../../src/graph';
import { runNotify } from '../../src/jobs/notify';
import { exportPlan, importPlan, writeActionNotices } from '../../src/store';
import { APP_ID, REOPENED, SETTINGS, reopened2025 } from '../jobs/notify/notify-harness';
import type { Harness } from './harness';
import { normalise, registerPeople, startHarness } from './harness';

const byDueDate = (url: string) => decodeURIComponent(url).includes('fields/DueDate');
const idsOf = (page: unknown): string[] => ((page as { value?: Array<{ id: string }> } | undefined)?.value ?? []).map((i) => i.id);

/** The client, noting the ids of every item a query on DueDate selects, however the store pages or batches it. */
function notingDueQueries(client: GraphClient, selected: string[]): GraphClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === 'items') {
        const items = target.items.bind(target);
        return async function* (url: string, ...rest: unknown[]) {
          for await (const item of items<{ id: string }>(url, ...(rest as []))) {
            if (byDueDate(url)) selected.push(item.id);
            yield item;
          }
        };
      }
      if (prop === 'get') {
        return async (url: string, ...rest: unknown[]) => {
          const page = await target.get(url, ...(rest as []));
          if (byDueDate(url)) selected.push(...idsOf(page));
          return page;
        };
      }
      if (prop === 'batch') {
        return async (requests: readonly BatchRequest[], ...rest: unknown[]) => {
          const responses: BatchResponse[] = await target.batch(requests, ...(rest as []));
          responses.forEach((r, i) => {
            if (byDueDate(requests[i]?.url ?? '')) selected.push(...idsOf(r.body));
          });
          return responses;
        };
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Local midnight of 31 December 2025 in each zone, as Graph returns it. */
const ZONES: ReadonlyArray<readonly [string, string]> = [
  ['Europe/Stockholm', '2025-12-30T23:00:00Z'],
  ['UTC', '2025-12-31T00:00:00Z'],
  ['America/New_York', '2025-12-31T05:00:00Z'],
  ['Asia/Tokyo', '2025-12-30T15:00:00Z'],
];
const DUE = '2025-12-31';
const reopened = Object.keys(REOPENED).sort();

describe.each(ZONES)('a site in %s', (siteTimeZone, dueAsKept) => {
  let h: Harness;
  let doc: PlanDocument;
  let planItemId: string;

  beforeAll(async () => {
    h = await startHarness({ siteTimeZone });
    doc = reopened2025();
    registerPeople(h.emulator, doc);
    planItemId = (await importPlan(await h.store(), doc)).planItemId;
  });
  afterAll(() => h.close());

  test('SharePoint keeps the due date as midnight on the site; Målkoll reads the day entered', async () => {
    const store = await h.store();
    const raw = (await store.planItems(planItemId)).actions.find((a) => String(a.fields.Key).endsWith(':r2-a1'));
    expect(raw?.fields.DueDate).toBe(dueAsKept);
    const plan = await store.loadPlan('RS:2025');
    expect(plan.actions.find((a) => a.ref === 'r2-a1')?.dueDate).toBe(DUE);
    expect(plan.periods.map((p) => [p.key, p.deadline])).toEqual((doc.periods ?? []).map((p) => [p.key, p.deadline]));
  });

  test('export gives the document back, dates and all', async () => {
    expect(normalise(await exportPlan(await h.store(), 'RS:2025'))).toEqual(normalise(doc));
  });

  test('a second import rewrites nothing', async () => {
    expect(await importPlan(await h.store(), doc)).toMatchObject({ created: 0, updated: 0 });
  });

  test('notify on the due date itself sends nothing; the day after, each reopened action is one day overdue', async () => {
    const store = await h.store();
    const onTheDay = await runNotify(store, { asOf: DUE, settings: SETTINGS, dryRun: true });
    expect(onTheDay.overdueActions).toBe(0);
    expect(onTheDay.notifications).toEqual([]);

    const dayAfter = await runNotify(store, { asOf: '2026-01-01', settings: SETTINGS, dryRun: true });
    expect(dayAfter.overdueActions).toBe(reopened.length);
    const told = dayAfter.notifications.flatMap((n) => n.actions);
    expect(told.map((a) => a.days)).toEqual(reopened.map(() => 1));
    expect(new Set(dayAfter.notifications.map((n) => n.status))).toEqual(new Set(['would-send']));
  });

  test('the overdue query itself selects nothing due on the day: the day after, exactly the reopened actions', async () => {
    const selected: string[] = [];
    const store = await h.store(notingDueQueries(h.client(), selected));
    await store.overdueActions(DUE);
    expect(selected).toEqual([]);
    const { actions } = await store.overdueActions('2026-01-01');
    expect(selected.sort()).toEqual(actions.map((a) => a.itemId).sort());
    expect(actions.map((a) => a.ref).sort()).toEqual(reopened);
  });

  test("notify's record reads back as the day it was written, and holds the reminder back", async () => {
    const store = await h.store();
    const { actions } = await store.overdueActions('2026-01-01');
    const results = await writeActionNotices(store, actions.map((a) => ({ itemId: a.itemId, eTag: a.eTag, level: 1, on: '2026-01-01' })));
    expect(results.map((r) => r.status)).toEqual(actions.map(() => 'saved'));
    const after = await store.overdueActions('2026-01-02');
    expect(after.actions.map((a) => [a.ref, a.notifiedOn]).sort()).toEqual(reopened.map((ref) => [ref, '2026-01-01']));
    const nextDay = await runNotify(store, { asOf: '2026-01-02', settings: { ...SETTINGS, teamsAppId: APP_ID }, dryRun: true });
    expect(nextDay.notifications).toEqual([]);
    expect(nextDay.skipped.map((s) => s.reason)).toEqual(reopened.map(() => expect.stringContaining('Aviserad 2026-01-01')));
  });
});
