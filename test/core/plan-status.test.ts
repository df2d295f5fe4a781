// Plan status utkast → fastställd → arkiverad: what each step records, which steps are refused, who
// sees a draft, and which plans staff's Att göra and the overdue scan take.
import type { PlanContents } from '../../src/core';
import { changePlanStatus, chasedForOverdue, inStaffWork, planStatusMark, planVisibleTo } from '../../src/core';

const at = new Date('2026-01-15T09:30:12.345Z');
const by = { upn: 'karin.controller@region.example', at };

describe('changePlanStatus', () => {
  test('adopting a draft records who and when, to the second', () => {
    expect(changePlanStatus({ status: 'draft', title: 'RS 2026' }, 'adopt', by)).toEqual({
      ok: true,
      fields: { status: 'adopted', adoptedByUpn: 'karin.controller@region.example', adoptedAt: '2026-01-15T09:30:12Z' },
    });
  });

  test('archiving an adopted plan records who and when', () => {
    expect(changePlanStatus({ status: 'adopted', title: 'RS 2026' }, 'archive', by)).toEqual({
      ok: true,
      fields: { status: 'archived', archivedByUpn: 'karin.controller@region.example', archivedAt: '2026-01-15T09:30:12Z' },
    });
  });

  test.each([
    ['adopt', 'adopted', 'already', 'Planen RS 2026 är redan fastställd.'],
    ['adopt', 'archived', 'order', 'Planen RS 2026 är arkiverad och kan inte fastställas igen.'],
    ['archive', 'archived', 'already', 'Planen RS 2026 är redan arkiverad.'],
    ['archive', 'draft', 'order', 'Planen RS 2026 är ett utkast; fastställ den innan den arkiveras.'],
  ] as const)('%s a plan that is %s is refused in Swedish', (change, status, code, message) => {
    expect(changePlanStatus({ status, title: 'RS 2026' }, change, by)).toEqual({ ok: false, refusal: { code, message } });
  });
});

function planOf(status: PlanContents['plan']['status']): PlanContents {
  return {
    organisation: { code: 'RS', name: 'Regionstyrelsen' },
    plan: { organisationCode: 'RS', year: 2026, title: 'RS 2026', status },
    periods: [],
    goals: [{ ref: 'g1', kind: 'goal', title: 'Mål', origin: 'board', ownerUpn: 'Goal.Owner@region.example' }],
    indicators: [],
    assignments: [],
    risks: [],
    actions: [{ ref: 'r1-a1', riskRef: 'r1', title: 'Åtgärd', status: 'not-started', ownerUpn: 'action.owner@region.example' }],
    people: [],
  };
}

describe('planVisibleTo', () => {
  test('a draft is hidden from a staff member it does not name', () => {
    expect(planVisibleTo(planOf('draft'), 'someone.else@region.example', { isController: false })).toBe(false);
  });

  test('a draft is shown to its controllers and to the people it names, whatever the case of their UPN', () => {
    expect(planVisibleTo(planOf('draft'), 'someone.else@region.example', { isController: true })).toBe(true);
    expect(planVisibleTo(planOf('draft'), 'goal.owner@region.example', { isController: false })).toBe(true);
    expect(planVisibleTo(planOf('draft'), 'ACTION.OWNER@region.example', { isController: false })).toBe(true);
    expect(planVisibleTo({ ...planOf('draft'), people: [{ upn: 'named@region.example', displayName: 'Named' }] }, 'named@region.example', { isController: false })).toBe(true);
  });

  test('adopted and archived plans are shown to everyone', () => {
    expect(planVisibleTo(planOf('adopted'), 'someone.else@region.example', { isController: false })).toBe(true);
    expect(planVisibleTo(planOf('archived'), 'someone.else@region.example', { isController: false })).toBe(true);
  });
});

describe('which plans the surfaces take', () => {
  test("staff's Att göra: adopted plans only", () => {
    expect([inStaffWork({ status: 'draft' }), inStaffWork({ status: 'adopted' }), inStaffWork({ status: 'archived' })]).toEqual([false, true, false]);
  });

  test('the overdue scan: every plan but archived ones', () => {
    expect([chasedForOverdue({ status: 'draft' }), chasedForOverdue({ status: 'adopted' }), chasedForOverdue({ status: 'archived' })]).toEqual([true, true, false]);
  });

  test('a draft is marked Utkast in a list of plans', () => {
    expect(planStatusMark({ status: 'draft' })).toBe('Utkast');
    expect(planStatusMark({ status: 'draft' }, 'en')).toBe('Draft');
    expect(planStatusMark({ status: 'adopted' })).toBeUndefined();
  });
});
