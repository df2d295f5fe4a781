import { formatIssue, validatePlanDocument } from '../../src/core';

function minimal(): Record<string, unknown> {
  return {
    formatVersion: 1,
    organisation: { code: 'RS', name: 'Regionstyrelsen', parentCode: null, managerUpn: 'eva.ek@region.example' },
    year: 2025,
    title: 'Regionstyrelsens verksamhetsplan med budget 2025',
    status: 'adopted',
    people: [{ upn: 'eva.ek@region.example', displayName: 'Eva Ek', managerUpn: null }],
    periods: [{ key: '2025-interim', deadline: '2025-08-20' }, { key: '2025-annual' }],
    goals: [
      {
        ref: 'g1',
        kind: 'objective',
        number: '1',
        title: 'Hälso- och sjukvården är god, säker och jämlik.',
        origin: 'council',
        indicators: [
          { ref: 'g1-i1', title: 'Medicinsk bedömning primärvård inom 3 dagar.', valueType: 'numeric', unit: '%', direction: 'increase', target: 90, longTermTarget: 95 },
          { ref: 'g1-i2', title: 'Kvalitativt styrtal', valueType: 'qualitative' },
        ],
        assignments: [{ ref: 'a1', number: '1', title: 'Att följa upp', origin: 'council', multiYear: false }],
        activities: [{ ref: 'g1-act1', title: 'Aktivitet', dueDate: '2025-06-30', status: 'in-progress' }],
      },
    ],
    risks: [
      {
        ref: 'r1',
        area: 'HR',
        title: 'Risk att SAM inte fungerar',
        regionWide: true,
        probability: 3,
        consequence: 4,
        actions: [{ ref: 'r1-a1', title: 'Varje chef ska …', dueDate: '2025-12-31', status: 'done' }],
      },
    ],
    followUps: [
      { subject: 'g1', period: '2025-annual', assessment: 'partly', comment: 'Delvis uppnådd.' },
      { subject: 'g1-i1', period: '2025-annual', value: 74, assessment: 'not-achieved', trend: 'improved' },
      { subject: 'g1-i2', period: '2025-annual', level: 'partial' },
      { subject: 'r1-a1', period: '2025-annual', status: 'done', reportedAt: '2026-01-31T10:00:00Z' },
    ],
  };
}

type Mutate = (doc: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesAfter(mutate: Mutate): string[] {
  const doc = minimal();
  mutate(doc);
  const result = validatePlanDocument(doc);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('plan exchange format validation', () => {
  test('accepts a complete, consistent document', () => {
    expect(issuesAfter(() => undefined)).toEqual([]);
  });

  test.each<[string, Mutate, string]>([
    ['an unknown key', (d) => (d.goals[0].indicators[0].colour = 'red'), 'goals[0].indicators[0].colour: okänd nyckel'],
    ['an unknown top-level key', (d) => (d.extra = 1), 'extra: okänd nyckel'],
    ['an unknown code', (d) => (d.goals[0].indicators[0].valueType = 'numerisk'), 'goals[0].indicators[0].valueType: okänd kod'],
    ['an unknown goal kind', (d) => (d.goals[0].kind = 'vision'), 'goals[0].kind: okänd kod'],
    ['an unknown action status', (d) => (d.risks[0].actions[0].status = 'klar'), 'risks[0].actions[0].status: okänd kod'],
    ['a missing required key', (d) => delete d.goals[0].origin, 'goals[0].origin: saknas men krävs'],
    ['a missing title', (d) => delete d.title, 'title: saknas men krävs'],
    ['an empty title', (d) => (d.goals[0].title = '  '), 'goals[0].title: får inte vara tom'],
    ['a ref used twice', (d) => (d.goals[0].assignments[0].ref = 'g1-i1'), 'goals[0].assignments[0].ref: ref "g1-i1" används redan av goals[0].indicators[0]'],
    ['a reference to a ref that does not exist', (d) => (d.followUps[0].subject = 'g9'), 'followUps[0].subject: ref "g9" finns inte'],
    ['a follow-up for an unknown period', (d) => (d.followUps[0].period = '2025-t1'), 'followUps[0].period: perioden "2025-t1" finns inte'],
    ['an invalid period key', (d) => (d.periods[0].key = '2025-q1'), 'periods[0].key: en periodnyckel'],
    ['a Swedish-formatted number', (d) => (d.goals[0].indicators[0].target = '1 545'), 'goals[0].indicators[0].target: ett JSON-tal förväntades'],
    ['a wrong format version', (d) => (d.formatVersion = 2), 'formatVersion: måste vara 1'],
    ['an impossible date', (d) => (d.risks[0].actions[0].dueDate = '2025-02-30'), 'risks[0].actions[0].dueDate: ett datum ÅÅÅÅ-MM-DD'],
    ['a date in another form', (d) => (d.risks[0].actions[0].dueDate = '31/12/2025'), 'risks[0].actions[0].dueDate'],
    ['probability out of range', (d) => (d.risks[0].probability = 5), 'risks[0].probability: ett heltal 1–4'],
    ['a value on a qualitative indicator', (d) => (d.followUps[2].value = 3), 'followUps[2].value: value gäller bara numeriska styrtal'],
    ['a level on a numeric indicator', (d) => (d.followUps[1].level = 'full'), 'followUps[1].level: level gäller bara kvalitativa styrtal'],
    ['a status on a goal', (d) => (d.followUps[0].status = 'done'), 'followUps[0].status: status gäller bara åtgärder'],
    ['a follow-up of a risk', (d) => (d.followUps[0].subject = 'r1'), 'followUps[0].subject: en risk följs upp genom sina åtgärder'],
    ['two follow-ups of one thing in one period', (d) => d.followUps.push({ subject: 'g1', period: '2025-annual' }), 'followUps[4]: "g1" har redan en uppföljning för 2025-annual'],
    ['a person listed twice', (d) => d.people.push({ upn: 'Eva.Ek@region.example', displayName: 'Eva' }), 'people[1].upn: personen finns redan'],
    ['a malformed UPN', (d) => (d.goals[0].ownerUpn = 'eva ek'), 'goals[0].ownerUpn: ett användarnamn (UPN)'],
    ['goals that are not a list', (d) => (d.goals = {}), 'goals: en lista förväntades'],
    ['a boolean given as text', (d) => (d.risks[0].regionWide = 'ja'), 'risks[0].regionWide: true eller false förväntades'],
  ])('refuses %s, naming the JSON path', (_what, mutate, expected) => {
    const issues = issuesAfter(mutate);
    expect(issues.some((m) => m.startsWith(expected))).toBe(true);
  });

  test('reports every problem at once', () => {
    const issues = issuesAfter((d) => {
      d.goals[0].kind = 'x';
      d.risks[0].area = 5;
    });
    expect(issues).toHaveLength(2);
  });

  test('refuses what is not a document at all', () => {
    expect(validatePlanDocument(null)).toEqual({ ok: false, issues: [{ path: '', message: 'ett objekt förväntades, fick null' }] });
    expect(validatePlanDocument([])).toMatchObject({ ok: false });
  });
});
