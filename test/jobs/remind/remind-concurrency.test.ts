// One run at a time: remind runs started together (the timer fired twice, a timer and someone at
// the command line) send exactly one reminder per person. The run holding the job's lease sends;
// the others stop before they scan, saying why in Swedish, and write nothing.
import { REMIND_LEASE_KEY, formatRemindResult, runRemind, systemicFailure } from '../../../src/jobs/remind';
import type { FollowUpStore } from '../../../src/store';
import { acquireLease, readLease } from '../../../src/store/lease';
import type { RemindHarness } from './remind-harness';
import { NOT_DONE, SETTINGS, each, sorted, startRemindHarness } from './remind-harness';

const AS_OF = '2026-01-24';
let r: RemindHarness;

beforeAll(async () => {
  r = await startRemindHarness();
});

afterAll(async () => {
  await r.close();
});

/** A run of its own: its own client and store, as another process would have. */
async function separateStore(): Promise<FollowUpStore> {
  const token = r.jobToken();
  return r.h.store(r.h.client({ tokenSource: { getToken: () => Promise.resolve(token) } }));
}

test('three concurrent runs send exactly one notification per recipient', async () => {
  const stores = await Promise.all([separateStore(), separateStore(), separateStore()]);
  const results = await Promise.all(stores.map((store) => runRemind(store, { asOf: AS_OF, settings: SETTINGS })));

  expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 1));
  expect(results.map((x) => x.notifications.filter((n) => n.status === 'sent').length).sort((a, b) => a - b)).toEqual([0, 0, NOT_DONE.length]);
  for (const other of results.filter((x) => x.notifications.length === 0)) {
    if (other.busy !== undefined) {
      expect(formatRemindResult(other)).toEqual([expect.stringMatching(/^En annan körning av påminnelsejobbet pågår redan \(körning [0-9a-f]{8}, lånet gäller till .* UTC om den inte blir klar före dess\); den här körningen skickar och skriver inget\.$/)]);
    }
    expect(systemicFailure(other)).toBeUndefined();
  }
  expect(results.filter((x) => x.busy !== undefined).length).toBeGreaterThanOrEqual(1);
  // The lease is given back.
  expect(await readLease(r.store, REMIND_LEASE_KEY)).toBeUndefined();
});

test('two runs that both hold a lease (one expired and taken over) still send each occasion once', async () => {
  // The records' unique keys are the second line of defence: a run past its lease's expiry that
  // still sends meets the other run's intents.
  const results = await Promise.all([separateStore(), separateStore()].map(async (s) => runRemind(await s, { asOf: '2026-01-30', settings: SETTINGS, leaseMs: -1 })));
  expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 2));
  expect(results.flatMap((x) => x.notifications.filter((n) => n.status === 'sent')).length).toBe(NOT_DONE.length);
});

test('a notify run holds its own lease: remind runs beside it', async () => {
  const held = await acquireLease(r.store, 'notify', { holder: 'notify-run', ttlMs: 60_000 });
  expect(held.status).toBe('held');
  const result = await runRemind(await separateStore(), { asOf: '2026-02-02', settings: SETTINGS });
  expect(result.busy).toBeUndefined();
  expect(result.notifications.filter((n) => n.status === 'sent')).toHaveLength(NOT_DONE.length);
});
