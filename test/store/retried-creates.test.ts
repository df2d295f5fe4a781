// A create SharePoint carried out whose answer was lost (a 504 at the gateway) and was sent again:
// the second attempt clashes on the unique Key with the first. Creates are idempotent through that
// Key: the item is read back and, when it holds what was written, it is ours (real-tenant-findings F16).
import { entryOf, exportPlan, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, normalise, registerPeople, startHarness } from './harness';

let h: Harness;
const doc = fixture('rs-2025.json');

beforeAll(async () => {
  h = await startHarness({ defaultPageSize: 50 });
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
});

afterAll(async () => {
  await h.close();
});

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * A fetch that sends the first matching request twice and answers with the second reply: the
 * service did the work, the reply was lost, and the resend is what the client hears back.
 */
function sentTwice(match: (url: string, init: RequestInit | undefined) => boolean): typeof fetch {
  let done = false;
  return async (input, init) => {
    if (!done && match(urlOf(input), init)) {
      done = true;
      await fetch(input, init);
    }
    return fetch(input, init);
  };
}

test("a first report whose create is sent twice is the user's own save, not someone else's", async () => {
  const probe = await h.store();
  const plan = await probe.loadPlan('RS:2025');
  const indicator = plan.indicators.find((i) => entryOf(plan, 'indicator', i.ref, '2025-interim') === undefined);
  if (!indicator) throw new Error('fixture has no indicator without an interim report');
  const followUps = `/lists/${probe.site.listIds.FollowUps}/items`;
  const store = await h.store(h.client({ fetch: sentTwice((url, init) => init?.method === 'POST' && url.endsWith(followUps)) }));

  const result = await store.saveEntry(plan, { subjectKind: 'indicator', subjectRef: indicator.ref, periodKey: '2025-interim', edit: { value: 61, comment: 'Första rapporten' } }, 'johan.ekstrom@region.example');

  expect(result).toMatchObject({ status: 'saved', saved: { entry: { value: 61, comment: 'Första rapporten' } } });
  const reloaded = await probe.loadPlan('RS:2025');
  expect(reloaded.entries.filter((e) => e.subjectRef === indicator.ref && e.periodKey === '2025-interim')).toHaveLength(1);
});

test('a first report someone else created in between is still a conflict', async () => {
  const plan = await (await h.store()).loadPlan('RS:2025');
  const indicator = plan.indicators.find((i) => entryOf(plan, 'indicator', i.ref, '2025-interim') === undefined);
  if (!indicator) throw new Error('fixture has no indicator without an interim report');
  const save = (value: number) => ({ subjectKind: 'indicator' as const, subjectRef: indicator.ref, periodKey: '2025-interim', edit: { value } });
  expect(await (await h.store()).saveEntry(plan, save(10), 'anna@region.example')).toMatchObject({ status: 'saved' });
  expect(await (await h.store()).saveEntry(plan, save(20), 'bertil@region.example')).toMatchObject({ status: 'conflict', server: { entry: { value: 10 } } });
});

test('an import whose batch of creates is sent twice completes, and the plan is as the document says', async () => {
  const other = fixture('rs-2024.json');
  registerPeople(h.emulator, other);
  const creates = (init: RequestInit | undefined) => typeof init?.body === 'string' && init.body.includes('"method":"POST"');
  const store = await h.store(h.client({ fetch: sentTwice((url, init) => init?.method === 'POST' && url.endsWith('/$batch') && creates(init)) }));
  await importPlan(store, other);
  expect(normalise(await exportPlan(store, 'RS:2024'))).toEqual(normalise(other));
  const again = await importPlan(await h.store(), other);
  expect(again).toMatchObject({ created: 0, updated: 0 });
});
