// What is never chased: a locked period, an archived (or draft) plan, people whose items are all
// klar or godkänd; and who cannot be reminded is said, never skipped silently.
import { formatRemindResult, runRemind } from '../../../src/jobs/remind';
import type { RemindHarness } from './remind-harness';
import { NOT_DONE, PERIOD, PLAN, SETTINGS, each, sorted, startRemindHarness } from './remind-harness';
import { fixture } from '../../store/harness';

describe('locked periods and archived plans', () => {
  let r: RemindHarness;
  beforeAll(async () => {
    r = await startRemindHarness();
  });
  afterAll(async () => {
    await r.close();
  });

  test('a locked period sends nothing, before or after its deadline, to reporters or managers', async () => {
    await r.lock(PERIOD, true);
    for (const day of ['2026-01-24', '2026-01-30', '2026-02-02', '2026-02-08']) {
      const result = await runRemind(r.store, { asOf: day, settings: SETTINGS });
      expect(result.notifications).toEqual([]);
      expect(result.lockedPeriods).toEqual([{ planKey: PLAN, periodKey: PERIOD, reason: 'Perioden är låst.' }]);
    }
    expect(formatRemindResult(await runRemind(r.store, { asOf: '2026-01-24', settings: SETTINGS, dryRun: true }))).toContain('  RS:2025 2025-annual: ingen påminnelse, perioden är låst.');
    expect(await r.activity()).toEqual([]);
  });

  test('an archived plan sends nothing; unlocked and adopted again, it does', async () => {
    await r.lock(PERIOD, false);
    await r.setPlanStatus('archived');
    const archived = await runRemind(r.store, { asOf: '2026-01-24', settings: SETTINGS });
    expect(archived.plans).toBe(0);
    expect(archived.notifications).toEqual([]);
    await r.setPlanStatus('draft');
    expect((await runRemind(r.store, { asOf: '2026-01-24', settings: SETTINGS })).notifications).toEqual([]);
    expect(await r.activity()).toEqual([]);

    await r.setPlanStatus('adopted');
    await runRemind(r.store, { asOf: '2026-01-24', settings: SETTINGS });
    expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 1));
  });
});

describe('people who cannot be reminded', () => {
  let r: RemindHarness;
  beforeAll(async () => {
    // Sara's account is gone from Entra ID; one uppdrag has no owner at all.
    const doc = fixture('rs-2025.json');
    let cleared = false;
    const goals = (doc.goals ?? []).map((g) => ({
      ...g,
      assignments: (g.assignments ?? []).map((a) => {
        if (cleared || a.ownerUpn !== 'eva.sandberg@region.example') return a;
        cleared = true;
        const { ownerUpn: _gone, ...rest } = a;
        return rest;
      }),
    }));
    r = await startRemindHarness({ ...doc, goals, people: (doc.people ?? []).filter((p) => p.upn !== 'sara.lundgren@region.example') });
  });
  afterAll(async () => {
    await r.close();
  });

  test('are reported with the reason, the others reminded', async () => {
    const result = await runRemind(r.store, { asOf: '2026-01-24', settings: SETTINGS });
    const lines = formatRemindResult(result).join('\n');
    expect(lines).toContain('Kan inte påminnas');
    expect(lines).toMatch(/utan ansvarig i RS:2025 2025-annual: Saknar ansvarig i planen\. Gäller 1 uppföljning\./);
    expect(result.unresolved.some((u) => u.ownerUpn === 'sara.lundgren@region.example' && u.role === 'reporter')).toBe(true);
    expect(result.notifications.map((n) => n.recipient.upn)).not.toContain('sara.lundgren@region.example');
  });
});
