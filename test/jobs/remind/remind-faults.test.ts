// Exactly once under throttling, and no duplicates after a run stopped or crashed half-way: what
// the intent before each send and its mark after buy. A crash after a send, before its record says
// it went, leaves that occasion unsent a second time (at most once); the next occasion reminds again.
import { REMIND_LEASE_KEY, formatRemindResult, runRemind } from '../../../src/jobs/remind';
import { readLease } from '../../../src/store/lease';
import type { RemindEvent } from '../../../src/jobs/remind';
import type { RemindHarness } from './remind-harness';
import { NOT_DONE, SETTINGS, each, sorted, startRemindHarness } from './remind-harness';

/** 7 days before the annual deadline: the seven reporters not done. */
const AS_OF = '2026-01-24';

describe('with 30 % of Graph requests answered 429', () => {
  let r: RemindHarness;
  beforeAll(async () => {
    r = await startRemindHarness();
  });
  afterAll(async () => {
    await r.close();
  });

  test('each reminder is sent exactly once, and a second run sends nothing', async () => {
    r.h.emulator.faults.set({ throttleRate: 0.3, retryAfterSeconds: 1, seed: 20260124 });
    r.client.stats.reset();
    const result = await runRemind(r.store, { asOf: AS_OF, settings: SETTINGS });
    // The faults did hit, the sends among them.
    expect(r.client.stats.retries).toBeGreaterThan(0);
    expect(result.figures.send.sendRequests).toBeGreaterThan(result.figures.send.sends);
    expect(result.notifications.map((x) => x.status)).toEqual(Array(NOT_DONE.length).fill('sent'));
    expect(result.notifications.flatMap((x) => x.unrecorded ?? [])).toEqual([]);
    expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 1));

    const again = await runRemind(r.store, { asOf: AS_OF, settings: SETTINGS });
    expect(again.notifications).toEqual([]);
    expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 1));
    r.h.emulator.faults.reset();
  });
});

describe('a run interrupted after three of its sends', () => {
  let r: RemindHarness;
  beforeAll(async () => {
    r = await startRemindHarness();
  });
  afterAll(async () => {
    await r.close();
  });

  test('stops cleanly; started again, it sends exactly the rest', async () => {
    const stop = new AbortController();
    const onEvent = (e: RemindEvent) => {
      if (e.type === 'sent' && e.index === 3) stop.abort();
    };
    const first = await runRemind(r.store, { asOf: AS_OF, settings: SETTINGS, signal: stop.signal, onEvent });
    expect(first.interrupted).toBe(true);
    expect(first.notifications.map((x) => x.status)).toEqual(['sent', 'sent', 'sent', 'not-sent', 'not-sent', 'not-sent', 'not-sent']);
    expect(formatRemindResult(first).join('\n')).toMatch(/Avbruten: 4 personer återstår .*; nästa körning påminner dem\./);
    expect(await r.activity()).toHaveLength(3);

    const second = await runRemind(r.store, { asOf: AS_OF, settings: SETTINGS });
    expect(second.notifications.map((x) => x.recipient.upn)).toEqual(first.notifications.filter((x) => x.status === 'not-sent').map((x) => x.recipient.upn));
    expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 1));
    expect((await runRemind(r.store, { asOf: AS_OF, settings: SETTINGS })).notifications).toEqual([]);
  });
});

/** After `sends` sends Graph took, every request fails as if the process had lost its network: a crash. */
function crashAfter(sends: number): typeof fetch {
  let taken = 0;
  return async (input, init) => {
    if (taken >= sends) throw new TypeError('fetch failed');
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await fetch(input, init);
    if (url.endsWith('/sendActivityNotification') && response.ok) taken += 1;
    return response;
  };
}

describe('a run that crashes right after its fourth send, before recording it', () => {
  let r: RemindHarness;
  let crashing: RemindHarness['store'];
  beforeAll(async () => {
    r = await startRemindHarness();
    const token = r.jobToken();
    crashing = await r.h.store(r.h.client({ fetch: crashAfter(4), retry: { maxAttempts: 1 }, tokenSource: { getToken: () => Promise.resolve(token) } }));
  });
  afterAll(async () => {
    await r.close();
  });

  test('rerun: no duplicates; the one in doubt is not sent again for that occasion, and is reminded at the next', async () => {
    const first = await runRemind(crashing, { asOf: AS_OF, settings: SETTINGS }).catch(() => undefined);
    // Whatever the crashed run reported (or threw), four went out.
    expect(first?.notifications.filter((x) => x.status === 'sent')).toHaveLength(4);
    expect(await r.activity()).toHaveLength(4);
    const victim = first?.notifications.find((x) => (x.unrecorded?.length ?? 0) > 0)?.recipient.upn;
    expect(victim).toBeDefined();

    // The crashed run's lease is left behind: a rerun meanwhile is turned away, one after it expires runs.
    const meanwhile = await runRemind(r.store, { asOf: AS_OF, settings: SETTINGS });
    expect(meanwhile.busy).toMatch(/^En annan körning av påminnelsejobbet pågår redan/);
    await expireLease(r);
    const second = await runRemind(r.store, { asOf: AS_OF, settings: SETTINGS });
    expect(second.notifications.filter((x) => x.status === 'sent')).toHaveLength(NOT_DONE.length - 4);
    expect(second.skipped.filter((s) => s.why === 'in-doubt').map((s) => s.upn)).toEqual([victim]);
    expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 1));
    expect(formatRemindResult(second).join('\n')).toContain('Kanske redan påminda (en tidigare körning avbröts mitt i utskicket; skickas inte igen): 1.');

    // The next occasion (1 day before) reminds everyone, the one in doubt too.
    await runRemind(r.store, { asOf: '2026-01-30', settings: SETTINGS });
    expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 2));
  });
});

/** The crashed run's lease expires. */
async function expireLease(r: RemindHarness): Promise<void> {
  const lease = await readLease(r.store, REMIND_LEASE_KEY);
  if (!lease) throw new Error('the crashed run left no lease');
  await r.client.patch(`/sites/${r.store.site.siteId}/lists/${r.store.site.listIds.Leases}/items/${lease.itemId}/fields`, { ExpiresAt: '2020-01-01T00:00:00Z' });
}
