// A small plan for the plan editor's tests: a draft with two goals (the first with a styrtal that
// has been reported on), a risk with an åtgärd; Elin Ström is its controller, Johan Ekström staff.
import type { FollowUpStore, LoadedPlan, PeopleFound, PersonFound } from '../../src/store';
import type { PlanWrites } from '../../src/tab/plan-editor/plan-writes';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (layout only).
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined') Object.assign(window, { ResizeObserver: NoResizeObserver });

export const CONTROLLER = 'elin.strom@region.example';
export const STAFF = 'johan.ekstrom@region.example';

export const plan = {
  planItemId: '1',
  plan: { itemId: '1', eTag: '"plan-1"', organisationCode: 'RS', year: 2026, title: 'Regionstyrelsen 2026', status: 'draft' },
  organisation: { itemId: '2', eTag: '"org"', code: 'RS', name: 'Regionstyrelsen', controllerUpns: [CONTROLLER] },
  periods: [{ key: '2026-interim', year: 2026, kind: 'interim' }],
  planPeriods: [],
  goals: [
    { itemId: '10', eTag: '"g1-1"', ref: 'g1', kind: 'objective', number: '1', title: 'God vård', origin: 'council', ownerUpn: 'anna.berg@region.example' },
    { itemId: '11', eTag: '"g2-1"', ref: 'g2', kind: 'objective', number: '2', title: 'Stark ekonomi', origin: 'council' },
  ],
  indicators: [{ itemId: '20', eTag: '"i1-1"', ref: 'g1-i1', goalRef: 'g1', title: 'Väntetid till besök', valueType: 'numeric', direction: 'decrease', unit: 'dagar', target: 30, targetKind: 'at-most', ownerUpn: STAFF }],
  assignments: [],
  risks: [{ itemId: '30', eTag: '"r1-1"', ref: 'r1', area: 'Ekonomi', title: 'Felaktiga fakturor', probability: 3, consequence: 4 }],
  actions: [{ itemId: '40', eTag: '"a1-1"', ref: 'r1-a1', riskRef: 'r1', title: 'Stickprov av fakturor', status: 'not-started', dueDate: '2026-06-30' }],
  entries: [{ itemId: '50', eTag: '"e1"', subjectItemId: '20', subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', value: 35 }],
  previousYearEntries: [],
  people: [],
} as unknown as LoadedPlan;

const directory: Readonly<Record<string, string>> = {
  'anna.berg@region.example': 'Anna Berg',
  [STAFF]: 'Johan Ekström',
  [CONTROLLER]: 'Elin Ström',
  'maria.holm@region.example': 'Maria Holm',
};

export const people: Pick<FollowUpStore, 'people'> = {
  people: (request) =>
    Promise.resolve({
      users: new Map((request.users ?? []).map((upn) => [upn, { found: { id: upn, upn, displayName: directory[upn] ?? upn, accountEnabled: true, isContact: false } }])),
      managers: new Map(),
    } as PeopleFound),
};

/** The directory search: display names that start with the text. */
export const search = jest.fn((text: string): Promise<readonly PersonFound[]> =>
  Promise.resolve(
    Object.entries(directory)
      .filter(([, name]) => name.toLowerCase().startsWith(text.toLowerCase()))
      .map(([upn, displayName]) => ({ upn, displayName })),
  ),
);

/** Write API stand-ins; each test says what they answer. */
export function stubWrites(): { [K in keyof PlanWrites]: jest.Mock } {
  return {
    createPlanItem: jest.fn(),
    updatePlanItem: jest.fn(),
    reorderPlanItems: jest.fn(),
    removePlanItem: jest.fn(),
    changePlanStatus: jest.fn(),
    copyPlan: jest.fn(),
  };
}
