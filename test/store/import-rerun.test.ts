// An import that fails halfway says in Swedish which item SharePoint refused, leaves no lease
// behind, and run again it finishes: the plan whole, and a third import changes nothing.
import { exportPlan, importPlan } from '../../src/store';
import { readLease } from '../../src/store/lease';
import type { Harness } from './harness';
import { fixture, normalise, registerPeople, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

/** The `nth` $batch of creates has its first create's Title made longer than SharePoint takes. */
function refusingNthCreateBatch(nth: number): typeof fetch {
  let creates = 0;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/$batch') && typeof init?.body === 'string' && init.body.includes('"POST"')) {
      creates += 1;
      if (creates === nth) {
        const batch = JSON.parse(init.body) as { requests: Array<{ method: string; body?: { fields?: Record<string, unknown> } }> };
        const first = batch.requests.find((r) => r.method === 'POST' && r.body?.fields);
        if (first?.body?.fields) first.body.fields.Title = 'x'.repeat(300);
        return fetch(input, { ...init, body: JSON.stringify(batch) });
      }
    }
    return fetch(input, init);
  };
}

test('a failed import names the item in Swedish; run again, it converges', async () => {
  const doc = fixture('rs-2024.json');
  registerPeople(h.emulator, doc);
  const failing = await h.store(h.client({ fetch: refusingNthCreateBatch(4) }));
  await expect(importPlan(failing, doc)).rejects.toThrow(
    /^Kunde inte skriva (planens period|målet|styrtalet|uppdraget|risken|åtgärden|uppföljningen) \S+: SharePoint tog inte emot värdena\. \(SharePoint: .+\)$/,
  );
  expect(await readLease(failing, 'import:RS:2024')).toBeUndefined();

  const store = await h.store();
  const rerun = await importPlan(store, doc);
  expect(rerun.created).toBeGreaterThan(0);
  expect(rerun.unchanged).toBeGreaterThan(0);
  expect(normalise(await exportPlan(store, 'RS:2024'))).toEqual(normalise(doc));
  expect(await importPlan(store, doc)).toMatchObject({ created: 0, updated: 0 });
});
