// Uppföljningsläge on a small plan: every reported-on item once, its state, and the counts per
// state, owner and goal; the "inte klar" filter.
import type { FollowUpEntry, RoundPlan } from '../../src/core';
import { roundItems, roundOverview, unfinishedCount } from '../../src/core';

const entry = (subjectKind: FollowUpEntry['subjectKind'], subjectRef: string, extra: Partial<FollowUpEntry> = {}): FollowUpEntry => ({ subjectKind, subjectRef, periodKey: '2025-annual', comment: 'x', ...extra });

const plan: RoundPlan = {
  organisation: { code: 'RS', name: 'Regionstyrelsen' },
  plan: { organisationCode: 'RS', year: 2025, title: 'Verksamhetsplan 2025' },
  periods: [{ key: '2025-annual', year: 2025, kind: 'annual', deadline: '2026-01-31', locked: true, lockedByUpn: 'elin@region.example', lockedAt: '2026-02-02T10:00:00Z' }],
  goals: [
    { ref: 'g1', kind: 'objective', number: '1', title: 'God vård', origin: 'council', ownerUpn: 'Anna@region.example' },
    { ref: 'g2', kind: 'objective', number: '2', title: 'Stark ekonomi', origin: 'council', ownerUpn: 'bo@region.example' },
  ],
  indicators: [
    { ref: 'i1', goalRef: 'g1', title: 'Väntetid', valueType: 'numeric', direction: 'decrease', ownerUpn: 'anna@region.example' },
    { ref: 'i2', goalRef: 'g1', title: 'Nöjdhet', valueType: 'numeric', direction: 'increase', ownerUpn: 'bo@region.example' },
    { ref: 'i3', goalRef: 'g2', title: 'Resultat', valueType: 'numeric', direction: 'increase' },
  ],
  assignments: [{ ref: 'u1', goalRef: 'g2', title: 'Utred lokaler', origin: 'council', ownerUpn: 'bo@region.example' }],
  actions: [
    { ref: 'a1', riskRef: 'r1', title: 'Kontrollera attester', status: 'in-progress', ownerUpn: 'anna@region.example' },
    { ref: 'a2', goalRef: 'g1', title: 'Aktivitet', status: 'not-started', ownerUpn: 'anna@region.example' },
  ],
  entries: [
    entry('goal', 'g1', { state: 'approved' }),
    entry('indicator', 'i1', { state: 'done' }),
    entry('indicator', 'i2', { state: 'returned', returnComment: 'Ange källa' }),
    entry('assignment', 'u1'),
    entry('action', 'a1', { state: 'done' }),
    entry('goal', 'g2', { periodKey: '2025-interim', state: 'approved' }),
  ],
};

test('lists every item once in the plan’s reading order, internal control last', () => {
  expect(roundItems(plan, '2025-annual').map((i) => `${i.kind}:${i.ref}:${i.state}`)).toEqual([
    'goal:g1:approved',
    'indicator:i1:done',
    'indicator:i2:returned',
    'action:a2:not-started',
    'goal:g2:not-started',
    'indicator:i3:not-started',
    'assignment:u1:draft',
    'action:a1:done',
  ]);
});

test('counts per state, per owner (most left to do first) and per goal', () => {
  const overview = roundOverview(plan, '2025-annual');
  expect(overview).toMatchObject({ planKey: 'RS:2025', periodLabel: 'Helår 2025', deadline: '2026-01-31', locked: true, lockedByUpn: 'elin@region.example' });
  expect(overview.counts).toEqual({ 'not-started': 3, draft: 1, done: 2, approved: 1, returned: 1, total: 8 });
  expect(overview.byOwner.map((o) => [o.ownerUpn, unfinishedCount(o.counts), o.counts.total])).toEqual([
    ['bo@region.example', 3, 3],
    ['anna@region.example', 1, 4],
    [undefined, 1, 1],
  ]);
  expect(overview.byGoal.map((g) => [g.title, g.counts.total, g.counts.approved])).toEqual([
    ['1 God vård', 4, 1],
    ['2 Stark ekonomi', 3, 0],
    ['Utan mål (internkontroll m.m.)', 1, 0],
  ]);
  expect(overview.items.find((i) => i.ref === 'i2')?.returnComment).toBe('Ange källa');
});

test('the “inte klar” filter keeps ej påbörjad, utkast and återremitterad, and counts only them', () => {
  const open = roundOverview(plan, '2025-annual', 'not-finished');
  expect(open.items.map((i) => i.ref)).toEqual(['i2', 'a2', 'g2', 'i3', 'u1']);
  expect(open.counts).toMatchObject({ done: 0, approved: 0, total: 5 });
  expect(open.byGoal.map((g) => g.goalRef)).toEqual(['g1', 'g2']);
});
