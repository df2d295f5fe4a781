// One run at a time: notify runs started together (two timers, a timer and someone at the command
// line) send exactly one notification per recipient. The run holding the job's lease sends; the
// others stop before they scan, saying why in Swedish, and write nothing.
import { formatRunResult, runNotify, systemicFailure } from '../../../src/jobs/notify';
import { NOTIFY_LEASE_KEY } from '../../../src/jobs/notify/run-notify';
import type { FollowUpStore } from '../../../src/store';
import { acquireLease, readLease } from '../../../src/store/lease';
import type { NotifyHarness } from './notify-harness';
import { SETTINGS, startNotifyHarness } from './notify-harness';

/** Day 9: the five owners and three managers (Per is both) — seven recipients. */
const AS_OF = '2026-01-09';
const RECIPIENTS = 7;

let n: NotifyHarness;

beforeAll(async () => {
  n = await startNotifyHarness();
});

afterAll(async () => {
  await n.close();
});

/** A run of its own: its own client and store, as another process would have. */
async function separateStore(): Promise<FollowUpStore> {
  const token = n.jobToken();
  return n.h.store(n.h.client({ tokenSource: { getToken: () => Promise.resolve(token) } }));
}

function perRecipient(list: ReadonlyArray<{ recipientUpn: string }>): number[] {
  const byUpn = new Map<string, number>();
  for (const a of list) byUpn.set(a.recipientUpn.toLowerCase(), (byUpn.get(a.recipientUpn.toLowerCase()) ?? 0) + 1);
  return [...byUpn.values()];
}

test('three concurrent runs send exactly one notification per recipient', async () => {
  const stores = await Promise.all([separateStore(), separateStore(), separateStore()]);
  const results = await Promise.all(stores.map((store) => runNotify(store, { asOf: AS_OF, settings: SETTINGS })));

  const sent = await n.activity();
  expect(sent).toHaveLength(RECIPIENTS);
  expect(perRecipient(sent)).toEqual(Array(RECIPIENTS).fill(1));
  // One run sent to everyone; each of the others was turned away by the lease, or came after it
  // and found everything recorded.
  expect(results.map((r) => r.notifications.filter((x) => x.status === 'sent').length).sort((a, b) => a - b)).toEqual([0, 0, RECIPIENTS]);
  for (const other of results.filter((r) => r.notifications.length === 0)) {
    if (other.busy !== undefined) {
      expect(formatRunResult(other)).toEqual([expect.stringMatching(/^En annan körning av aviseringsjobbet pågår redan \(körning [0-9a-f]{8}, lånet gäller till .* UTC om den inte blir klar före dess\); den här körningen skickar och skriver inget\.$/)]);
    }
    expect(systemicFailure(other)).toBeUndefined();
  }
  expect(results.filter((r) => r.busy !== undefined).length).toBeGreaterThanOrEqual(1);
  // The lease is given back, and no intent is left behind.
  expect(await readLease(n.store, NOTIFY_LEASE_KEY)).toBeUndefined();
  const leases = await n.client.get<{ value: unknown[] }>(`/sites/${n.store.site.siteId}/lists/${n.store.site.listIds.Leases}/items`);
  expect(leases.value).toEqual([]);
});

test('a run that finds the lease of a run that died (past its expiry) takes it over and runs', async () => {
  await acquireLease(n.store, NOTIFY_LEASE_KEY, { holder: 'dead-run', ttlMs: -1000 });
  const result = await runNotify(await separateStore(), { asOf: '2026-01-20', settings: SETTINGS });
  expect(result.busy).toBeUndefined();
  expect(result.notifications.length).toBeGreaterThan(0);
  expect(result.notifications.every((x) => x.status === 'sent')).toBe(true);
  expect(await readLease(n.store, NOTIFY_LEASE_KEY)).toBeUndefined();
});

test('a dry run needs no lease: it runs beside a live run and writes nothing', async () => {
  const held = await acquireLease(n.store, NOTIFY_LEASE_KEY, { holder: 'live-run', ttlMs: 60_000 });
  const dry = await runNotify(await separateStore(), { asOf: '2026-02-20', settings: SETTINGS, dryRun: true });
  expect(dry.busy).toBeUndefined();
  expect(dry.notifications.every((x) => x.status === 'would-send')).toBe(true);
  const real = await runNotify(await separateStore(), { asOf: '2026-02-20', settings: SETTINGS });
  expect(real.busy).toMatch(/^En annan körning av aviseringsjobbet pågår redan \(körning live-run/);
  expect(real.notifications).toEqual([]);
  if (held.status === 'held') expect((await readLease(n.store, NOTIFY_LEASE_KEY))?.holder).toBe('live-run');
});

describe('a run that outlives its lease', () => {
  let m: NotifyHarness;
  let sends = 0;
  beforeAll(async () => {
    // After the second send, another run takes the lease over (as if this one had let it expire).
    const takeOver: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/sendActivityNotification') && (sends += 1) === 2) {
        const current = await readLease(m.store, NOTIFY_LEASE_KEY);
        if (current) await m.h.client().patch(`/sites/${m.store.site.siteId}/lists/${m.store.site.listIds.Leases}/items/${current.itemId}/fields`, { Holder: 'usurper-run' });
      }
      return response;
    };
    m = await startNotifyHarness(undefined, { client: { fetch: takeOver } });
  });
  afterAll(async () => {
    await m.close();
  });

  test('stops sending once it finds the lease taken over, says so, and leaves no intent behind', async () => {
    const result = await runNotify(m.store, { asOf: AS_OF, settings: SETTINGS, leaseMs: 1 });
    expect(result.stopped).toBe('Körningen tog längre tid än sitt lån och en annan körning tog över; den här slutade skicka. Det som skickats är registrerat.');
    expect(result.interrupted).toBe(true);
    expect(result.notifications.map((x) => x.status)).toEqual(['sent', 'sent', ...Array(RECIPIENTS - 2).fill('not-sent')]);
    expect(formatRunResult(result)).toContain(result.stopped);
    expect(await m.activity()).toHaveLength(2);
    // The usurper's lease is left alone; only it remains in the list.
    expect((await readLease(m.store, NOTIFY_LEASE_KEY))?.holder).toBe('usurper-run');
    const items = await m.client.get<{ value: unknown[] }>(`/sites/${m.store.site.siteId}/lists/${m.store.site.listIds.Leases}/items`);
    expect(items.value).toHaveLength(1);
  });
});
