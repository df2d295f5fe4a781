// Overdue uppdrag join the overdue-åtgärder notices: an uppdrag past its due date whose latest
// report does not say "Har genomförts" is chased like an åtgärd (owner first, the manager after
// the escalation delay, reminded after the interval), recorded on the Assignments list, and told in
// the same one notification per person as their åtgärder.
import type { ActionDoc, PlanDocument } from '../../../src/core';
import { parseSubPageId, readTeamsTabLink } from '../../../src/core';
import { formatRunResult, runNotify } from '../../../src/jobs/notify';
import { scanOverdueAssignments } from '../../../src/store/action-notices';
import { fixture } from '../../store/harness';
import type { NotifyHarness } from '../notify/notify-harness';
import { SETTINGS, parameters, startNotifyHarness } from '../notify/notify-harness';

const JOHAN = 'johan.ekstrom@region.example';
const SARA = 'sara.lundgren@region.example';

/**
 * The 2025 plan (every åtgärd done) with due dates on five uppdrag: Johan's a1 (carried out) and a3
 * (not carried out), Sara's a48 (carried out) and a49 (partly), all due 2025-12-31; Lars's a5 due
 * 2026-02-15. With `johansAction`, Johan's åtgärd r1-a1 is reopened too.
 */
function withDueDates(johansAction = false): PlanDocument {
  const doc = fixture('rs-2025.json');
  const due: Record<string, string> = { a1: '2025-12-31', a3: '2025-12-31', a48: '2025-12-31', a49: '2025-12-31', a5: '2026-02-15' };
  const goals = (doc.goals ?? []).map((g) => ({ ...g, assignments: (g.assignments ?? []).map((a) => {
    const dueDate = due[a.ref];
    return dueDate ? { ...a, dueDate } : a;
  }) }));
  if (!johansAction) return { ...doc, goals };
  const reopen = (a: ActionDoc): ActionDoc => (a.ref === 'r1-a1' ? { ...a, ownerUpn: JOHAN, status: 'in-progress' } : a);
  const followUps = (doc.followUps ?? []).map((f) => (f.subject === 'r1-a1' && f.status !== undefined ? { ...f, status: 'in-progress' as const } : f));
  return { ...doc, goals, followUps, risks: (doc.risks ?? []).map((r) => ({ ...r, actions: (r.actions ?? []).map(reopen) })) };
}

describe('uppdrag alone', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness(withDueDates());
  });
  afterAll(async () => {
    await n.close();
  });

  test('the scan finds the uppdrag past their due date and not carried out, and no others', async () => {
    const found = await scanOverdueAssignments(n.store, '2026-01-05');
    expect(found.map((a) => [a.ref, a.ownerUpn]).sort()).toEqual([
      ['a3', JOHAN],
      ['a49', SARA],
    ]);
  });

  test('the owners are told, each in one notification that opens the uppdrag; a rerun sends nothing', async () => {
    const result = await runNotify(n.store, { asOf: '2026-01-05', settings: SETTINGS });
    expect(result.overdueActions).toBe(2);
    expect(result.notifications.map((x) => [x.recipient.upn, x.status]).sort()).toEqual([
      [JOHAN, 'sent'],
      [SARA, 'sent'],
    ]);
    const sent = await n.activity();
    const johan = sent.find((x) => x.recipientUpn === JOHAN);
    expect(johan?.activityType).toBe('actionOverdue');
    expect(parameters(johan as NonNullable<typeof johan>)).toEqual({ actionTitle: expect.stringMatching(/\S/), daysOverdue: '5' });
    expect(parseSubPageId(readTeamsTabLink(johan?.body.topic.webUrl ?? '')?.subPageId)).toEqual({ kind: 'item', planKey: 'RS:2025', subjectKind: 'assignment', ref: 'a3' });
    expect(formatRunResult(result).join('\n')).toMatch(/RS:2025 uppdrag: .* — 5 dagar/);

    expect((await runNotify(n.store, { asOf: '2026-01-05', settings: SETTINGS })).notifications).toEqual([]);
    expect(await n.activity()).toHaveLength(2);
    // The record is on the uppdrag, as on an åtgärd.
    const recorded = await scanOverdueAssignments(n.store, '2026-01-05');
    expect(recorded.map((a) => [a.ref, a.notifiedLevel, a.notifiedOn]).sort()).toEqual([
      ['a3', 1, '2026-01-05'],
      ['a49', 1, '2026-01-05'],
    ]);
  });

  test('after the escalation delay the managers are told, the owners not again before the interval', async () => {
    const result = await runNotify(n.store, { asOf: '2026-01-09', settings: SETTINGS });
    // Johan's manager is Karin, Sara's is Per.
    expect(result.notifications.map((x) => [x.recipient.upn, x.status, x.actions.map((a) => a.role)]).sort()).toEqual([
      ['karin.lindqvist@region.example', 'sent', ['manager']],
      ['per.akesson@region.example', 'sent', ['manager']],
    ]);
    expect(await n.activity()).toHaveLength(4);
  });
});

describe('an uppdrag beside an åtgärd', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness(withDueDates(true));
  });
  afterAll(async () => {
    await n.close();
  });

  test('are told together in one notification that names both kinds', async () => {
    const result = await runNotify(n.store, { asOf: '2026-01-05', settings: SETTINGS });
    const johan = result.notifications.find((x) => x.recipient.upn === JOHAN);
    expect(johan?.actions.map((a) => a.kind ?? 'action').sort()).toEqual(['action', 'assignment']);
    expect(johan?.text).toMatch(/^1 åtgärd och 1 uppdrag är försenade, mest: /);
    expect(parseSubPageId(readTeamsTabLink(johan?.webUrl ?? '')?.subPageId)).toEqual({ kind: 'overdue' });
    const sent = (await n.activity()).filter((x) => x.recipientUpn === JOHAN);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.activityType).toBe('itemsOverdue');
    expect((await runNotify(n.store, { asOf: '2026-01-05', settings: SETTINGS })).notifications).toEqual([]);
  });
});
