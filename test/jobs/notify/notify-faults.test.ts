// Exactly once under throttling, and no duplicates after a run stopped half-way: what the record
// after each send buys. A crash between a send and its record (the one window left) resends that
// notification once, under the same chainId, so Teams shows it once.
import { runNotify } from '../../../src/jobs/notify';
import type { NotifyEvent } from '../../../src/jobs/notify';
import type { NotifyHarness } from './notify-harness';
import { SETTINGS, startNotifyHarness } from './notify-harness';

/** First run on day 9: the five owners and three managers (Per is both) — seven recipients. */
const AS_OF = '2026-01-09';
const RECIPIENTS = 7;

function counts(list: ReadonlyArray<{ recipientUpn: string }>): Map<string, number> {
  const byUpn = new Map<string, number>();
  for (const a of list) byUpn.set(a.recipientUpn, (byUpn.get(a.recipientUpn) ?? 0) + 1);
  return byUpn;
}

describe('with 30 % of Graph requests answered 429', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness();
  });
  afterAll(async () => {
    await n.close();
  });

  test('each notification is sent exactly once, and a second run sends nothing', async () => {
    n.h.emulator.faults.set({ throttleRate: 0.3, retryAfterSeconds: 1, seed: 20260109 });
    n.client.stats.reset();
    const result = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    // The faults did hit: more round trips than requests, sends among them.
    expect(n.client.stats.retries).toBeGreaterThan(0);
    expect(result.figures.send.sendRequests).toBeGreaterThan(result.figures.send.sends);
    expect(result.notifications.map((x) => x.status)).toEqual(Array(RECIPIENTS).fill('sent'));
    expect(result.notifications.flatMap((x) => x.unrecorded ?? [])).toEqual([]);

    const sent = await n.activity();
    expect(sent).toHaveLength(RECIPIENTS);
    expect([...counts(sent).values()]).toEqual(Array(RECIPIENTS).fill(1));

    const again = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    expect(again.notifications).toEqual([]);
    expect(await n.activity()).toHaveLength(RECIPIENTS);
    n.h.emulator.faults.reset();
  });
});

describe('a run interrupted after half its sends', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness();
  });
  afterAll(async () => {
    await n.close();
  });

  test('stops cleanly; started again, it completes without duplicates', async () => {
    const stop = new AbortController();
    const onEvent = (e: NotifyEvent) => {
      if (e.type === 'sent' && e.index === 3) stop.abort();
    };
    const first = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS, signal: stop.signal, onEvent });
    expect(first.interrupted).toBe(true);
    expect(first.notifications.map((x) => x.status)).toEqual(['sent', 'sent', 'sent', 'not-sent', 'not-sent', 'not-sent', 'not-sent']);
    expect(await n.activity()).toHaveLength(3);

    const second = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    expect(second.interrupted).toBe(false);
    // Exactly the four not sent before.
    expect(second.notifications.map((x) => x.recipient.upn).sort()).toEqual(
      first.notifications.filter((x) => x.status === 'not-sent').map((x) => x.recipient.upn).sort(),
    );
    const sent = await n.activity();
    expect(sent).toHaveLength(RECIPIENTS);
    expect([...counts(sent).values()]).toEqual(Array(RECIPIENTS).fill(1));
    expect((await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS })).notifications).toEqual([]);
  });
});

describe('a crash between a send and its record', () => {
  let n: NotifyHarness;
  let failRecords = 0;
  let sends = 0;
  beforeAll(async () => {
    // The record of the last notification (Karin's: no one is sent to after her, so no later
    // record covers her actions) fails as if the connection dropped right after the send.
    const flaky: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/sendActivityNotification')) sends += 1;
      if (url.endsWith('/$batch') && typeof init?.body === 'string' && init.body.includes('"PATCH"') && sends === RECIPIENTS && failRecords === 0) {
        failRecords += 1;
        throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    n = await startNotifyHarness(undefined, { client: { fetch: flaky } });
  });
  afterAll(async () => {
    await n.close();
  });

  test('the next run resends only that one, under the same chainId', async () => {
    const first = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    const unrecorded = first.notifications.filter((x) => (x.unrecorded?.length ?? 0) > 0);
    expect(unrecorded).toHaveLength(1);
    const victim = unrecorded[0]?.recipient.upn ?? '';

    const second = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    expect(second.notifications.map((x) => x.recipient.upn)).toEqual([victim]);
    const sent = await n.activity();
    const twice = sent.filter((a) => a.recipientUpn === victim);
    expect(twice).toHaveLength(2);
    expect(twice[0]?.chainId).toBe(twice[1]?.chainId);
    expect([...counts(sent)].filter(([upn]) => upn !== victim).map(([, c]) => c)).toEqual(Array(RECIPIENTS - 1).fill(1));
  });
});
