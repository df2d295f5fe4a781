// One validator for a thing of the plan: the editor's draft gets each Swedish message at its field,
// and the exchange format reports the same message at the item's JSON path.
import type { PlanItemContext, PlanItemInUse } from '../../src/core';
import { formatIssue, planItemToModel, validatePlanDocument, validatePlanItem } from '../../src/core';

const plan: readonly PlanItemInUse[] = [
  { kind: 'goal', ref: 'g1', where: 'Målet God vård' },
  { kind: 'indicator', ref: 'g1-i1' },
  { kind: 'risk', ref: 'r1' },
];
const underGoal: PlanItemContext = { others: plan, parent: { kind: 'goal', ref: 'g1' } };
const underRisk: PlanItemContext = { others: plan, parent: { kind: 'risk', ref: 'r1' } };

describe('validatePlanItem: each kind with its messages at the field', () => {
  test('a goal of every kind is accepted', () => {
    for (const kind of ['objective', 'effect-goal', 'goal', 'focus-area', 'strategy']) {
      expect(validatePlanItem('goal', { ref: 'g2', kind, title: 'Nöjda invånare', origin: 'board' }, { others: plan })).toEqual([]);
    }
  });

  test('a goal without title, of an unknown kind: both fields named', () => {
    expect(validatePlanItem('goal', { ref: 'g2', kind: 'vision', title: ' ', origin: 'board' }, { others: plan })).toEqual([
      { field: 'kind', message: expect.stringContaining('okänd kod') },
      { field: 'title', message: 'får inte vara tom' },
    ]);
  });

  test('a ref already used, or used in another case, is refused at ref, naming who has it', () => {
    expect(validatePlanItem('goal', { ref: 'g1', kind: 'goal', title: 'Ny', origin: 'board' }, { others: plan })).toEqual([{ field: 'ref', message: 'ref "g1" används redan av Målet God vård' }]);
    expect(validatePlanItem('indicator', { ref: 'G1-I1', title: 'Ny', valueType: 'numeric' }, underGoal)).toEqual([
      { field: 'ref', message: expect.stringContaining('skiljer sig bara i stora och små bokstäver från "g1-i1" (styrtalet g1-i1)') },
    ]);
  });

  test('a styrtal with a range target needs its upper bound; one with it is accepted', () => {
    const range = { ref: 'g1-i2', title: 'Andel', valueType: 'numeric', unit: '%', direction: 'increase', target: 77, targetKind: 'range' };
    expect(validatePlanItem('indicator', range, underGoal)).toEqual([{ field: 'targetMax', message: 'ett intervall behöver targetMax, den övre gränsen' }]);
    expect(validatePlanItem('indicator', { ...range, targetMax: 80 }, underGoal)).toEqual([]);
    expect(validatePlanItem('indicator', { ...range, targetMax: 70 }, underGoal)).toEqual([{ field: 'targetMax', message: expect.stringContaining('mindre än target') }]);
  });

  test('a styrtal belongs under a goal, and the goal must exist', () => {
    const draft = { ref: 'i9', title: 'Väntetid', valueType: 'numeric' };
    expect(validatePlanItem('indicator', draft, { others: plan })).toEqual([{ field: 'parent', message: 'ett styrtal hör till ett mål; välj målet' }]);
    expect(validatePlanItem('indicator', draft, underRisk)).toEqual([{ field: 'parent', message: 'Ett styrtal hör till ett mål' }]);
    expect(validatePlanItem('indicator', draft, { others: plan, parent: { kind: 'goal', ref: 'g9' } })).toEqual([{ field: 'parent', message: 'målet "g9" finns inte i planen' }]);
  });

  test('an uppdrag with a due date in another form is refused at dueDate', () => {
    expect(validatePlanItem('assignment', { ref: 'a1', title: 'Utred', origin: 'council', dueDate: '31/12/2025' }, underGoal)).toEqual([{ field: 'dueDate', message: expect.stringContaining('ett datum ÅÅÅÅ-MM-DD') }]);
    expect(validatePlanItem('assignment', { ref: 'a1', title: 'Utred', origin: 'council', dueDate: '2025-12-31', multiYear: true }, underGoal)).toEqual([]);
  });

  test('a risk: sannolikhet and konsekvens are whole numbers 1–4', () => {
    const risk = { ref: 'r2', area: 'HR', title: 'Kompetensförsörjning' };
    expect(validatePlanItem('risk', { ...risk, probability: 4, consequence: 1 }, { others: plan })).toEqual([]);
    expect(validatePlanItem('risk', { ...risk, probability: 5, consequence: 2.5 }, { others: plan })).toEqual([
      { field: 'probability', message: 'ett heltal 1–4 förväntades, fick talet 5' },
      { field: 'consequence', message: 'ett heltal 1–4 förväntades, fick talet 2.5' },
    ]);
    expect(validatePlanItem('risk', { ...risk, probability: 0 }, { others: plan })).toEqual([{ field: 'probability', message: 'ett heltal 1–4 förväntades, fick talet 0' }]);
  });

  test('an åtgärd under a risk and an aktivitet under a goal, with owner and due date', () => {
    const action = { ref: 'x1', title: 'Utbilda chefer', ownerUpn: 'eva.ek@region.example', dueDate: '2026-06-30', status: 'not-started' };
    expect(validatePlanItem('action', action, underRisk)).toEqual([]);
    expect(validatePlanItem('action', action, underGoal)).toEqual([]);
    expect(validatePlanItem('action', action, { others: plan })).toEqual([{ field: 'parent', message: expect.stringContaining('en åtgärd hör till en risk, en aktivitet till ett mål') }]);
    expect(validatePlanItem('action', { ...action, ownerUpn: 'Eva Ek', dueDate: '2026-02-30' }, underRisk)).toEqual([
      { field: 'ownerUpn', message: expect.stringContaining('ett användarnamn (UPN)') },
      { field: 'dueDate', message: expect.stringContaining('ett datum ÅÅÅÅ-MM-DD') },
    ]);
  });

  test('an unknown field is named, with the fields the kind has', () => {
    expect(validatePlanItem('risk', { ref: 'r2', area: 'HR', title: 'Risk', riskValue: 12 }, { others: plan })).toEqual([{ field: 'riskValue', message: expect.stringContaining('okänd nyckel; tillåtna här: ref, area, title') }]);
  });

  test('a goal and a risk sit under nothing', () => {
    expect(validatePlanItem('risk', { ref: 'r2', area: 'HR', title: 'Risk' }, { others: plan, parent: { kind: 'goal', ref: 'g1' } })).toEqual([{ field: 'parent', message: 'En risk ligger inte under något annat i planen' }]);
  });
});

describe('the plan format checks its items by the same rules', () => {
  const doc = () => ({
    formatVersion: 1,
    organisation: { code: 'RS', name: 'Regionstyrelsen' },
    year: 2026,
    title: 'Plan 2026',
    goals: [{ ref: 'g1', kind: 'goal', title: 'Mål', origin: 'board', indicators: [{ ref: 'g1-i1', title: 'Andel', valueType: 'numeric', target: 77, targetKind: 'range' }] }],
    risks: [{ ref: 'r1', area: 'HR', title: 'Risk', probability: 5 }],
  });

  test('the editor message of a field is the document message at its path', () => {
    const result = validatePlanDocument({ ...doc(), risks: [] });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual(['goals[0].indicators[0].targetMax: ett intervall behöver targetMax, den övre gränsen']);
    const item = validatePlanItem('indicator', doc().goals[0]?.indicators[0], { parent: { kind: 'goal', ref: 'g1' } });
    expect(item).toEqual([{ field: 'targetMax', message: 'ett intervall behöver targetMax, den övre gränsen' }]);
  });

  test('a risk out of range in a document is refused at its path, with the editor\'s words', () => {
    const result = validatePlanDocument(doc());
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual(['risks[0].probability: ett heltal 1–4 förväntades, fick talet 5']);
  });
});

describe('planItemToModel: an editor item reads as an imported one', () => {
  test('a styrtal gets its goal, a direction and the kind its words leave no doubt about', () => {
    expect(planItemToModel('indicator', { ref: 'g1-i2', title: 'Andel', valueType: 'numeric', target: 77, targetText: '77–80' }, { kind: 'goal', ref: 'g1' })).toEqual({
      ref: 'g1-i2',
      goalRef: 'g1',
      title: 'Andel',
      valueType: 'numeric',
      direction: 'none',
      target: 77,
      targetText: '77–80',
      targetKind: 'range',
      targetMax: 80,
    });
  });

  test('an åtgärd gets its risk and starts as not started; an aktivitet gets its goal', () => {
    expect(planItemToModel('action', { ref: 'r1-a9', title: 'Utbilda' }, { kind: 'risk', ref: 'r1' })).toEqual({ ref: 'r1-a9', riskRef: 'r1', title: 'Utbilda', status: 'not-started' });
    expect(planItemToModel('action', { ref: 'g1-act9', title: 'Kartlägg' }, { kind: 'goal', ref: 'g1' })).toEqual({ ref: 'g1-act9', goalRef: 'g1', title: 'Kartlägg', status: 'not-started' });
  });
});
