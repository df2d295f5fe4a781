// Exactly once under throttling, and no duplicates after a run stopped half-way: what the intent
// before each send and the record after it buy. A crash between a send and its record is finished
// by the next run without a second send; a crash before the intent says the send went leaves it
// unsent for the day (at most once a day), and the next day's run sends it.
import { formatRunResult, runNotify } from '../../../src/jobs/notify';
import { noticeKey } from '../../../src/store/action-notices';
import { readLease } from '../../../src/store/lease';
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

/**
 * The record of the last notification (Karin's: no one is sent to after her, so no later record
 * covers her actions) fails as if the connection dropped right after the send; with `markToo`, so
 * does the intent's mark that Graph took it (a crash right after the send).
 */
function crashAfterLastSend(markToo: boolean): typeof fetch {
  let sends = 0;
  let failed = false;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/sendActivityNotification')) {
      // Counted when taken: a throttled send sent again is still one.
      const response = await fetch(input, init);
      if (response.ok) sends += 1;
      return response;
    }
    const body = typeof init?.body === 'string' ? init.body : '';
    const isRecord = url.endsWith('/$batch') && body.includes('"PATCH"');
    const isMark = init?.method === 'PATCH' && body.includes('"State":"sent"');
    if (sends === RECIPIENTS && (isRecord || (markToo && isMark)) && !(failed && isRecord)) {
      if (isRecord) failed = true;
      throw new TypeError('fetch failed');
    }
    return fetch(input, init);
  };
}

describe('a crash between a send and its record, the intent marked sent', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness(undefined, { client: { fetch: crashAfterLastSend(false) } });
  });
  afterAll(async () => {
    await n.close();
  });

  test('the next run records it without sending it again; every recipient has exactly one', async () => {
    const first = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    const unrecorded = first.notifications.filter((x) => (x.unrecorded?.length ?? 0) > 0);
    expect(unrecorded).toHaveLength(1);
    const victim = unrecorded[0]?.recipient.upn ?? '';

    const second = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    expect(second.notifications.map((x) => [x.recipient.upn, x.status, x.unrecorded ?? []])).toEqual([[victim, 'sent-earlier', []]]);
    expect(formatRunResult(second).join('\n')).toContain('Skickade av en tidigare körning i dag, nu registrerade (1; skickas inte igen):');
    const sent = await n.activity();
    expect([...counts(sent).values()]).toEqual(Array(RECIPIENTS).fill(1));
    // Recorded now: the third run has nothing to do, and no intent is left behind.
    expect((await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS })).notifications).toEqual([]);
    expect(await readLease(n.store, noticeKey(AS_OF, victim))).toBeUndefined();
  });
});

describe('a crash right after a send, before the intent says it went', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness(undefined, { client: { fetch: crashAfterLastSend(true) } });
  });
  afterAll(async () => {
    await n.close();
  });

  test('at most once a day: not sent again that day, sent the next day while still overdue', async () => {
    const first = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    const victim = first.notifications.find((x) => (x.unrecorded?.length ?? 0) > 0)?.recipient.upn ?? '';
    expect(victim).not.toBe('');

    const second = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    expect(second.notifications.map((x) => [x.recipient.upn, x.status])).toEqual([[victim, 'in-doubt']]);
    expect(second.notifications[0]?.error).toMatch(/skickas inte igen i dag, utan i morgon om åtgärderna fortfarande är försenade/);
    expect([...counts(await n.activity()).values()]).toEqual(Array(RECIPIENTS).fill(1));

    const nextDay = await runNotify(n.store, { asOf: '2026-01-10', settings: SETTINGS });
    expect(nextDay.notifications.map((x) => [x.recipient.upn, x.status])).toEqual([[victim, 'sent']]);
    expect(counts(await n.activity()).get(victim)).toBe(2);
  });
});
