// The plan format's tree and references: the organisation's kind, `organisations`, givenBy,
// contributesTo and rollUp validate and convert; what cannot be meant is refused at its path;
// older documents convert exactly as before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { documentToModel, formatIssue, validatePlanDocument } from '../../src/core';
import type { PlanDocument } from '../../src/core';

const fixtures = path.join(__dirname, '..', 'fixtures', 'plans');
const load = (name: string): PlanDocument => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as PlanDocument;

const boardPlan = (): PlanDocument => ({
  formatVersion: 1,
  organisation: { code: 'HSN', name: 'Hälso- och sjukvårdsnämnden', kind: 'board', parentCode: 'RF' },
  organisations: [
    { code: 'HSF', name: 'Hälso- och sjukvårdsförvaltningen', kind: 'administration', parentCode: 'HSN' },
    { code: 'HSN', name: 'Hälso- och sjukvårdsnämnden', kind: 'board', parentCode: 'RF' },
    { code: 'RF', name: 'Regionfullmäktige', kind: 'region', parentCode: null },
  ],
  year: 2025,
  title: 'Hälso- och sjukvårdsnämndens verksamhetsplan 2025',
  goals: [
    {
      ref: 'g1',
      kind: 'objective',
      number: '1',
      title: 'Hälso- och sjukvården är god, säker och jämlik.',
      origin: 'council',
      givenBy: { plan: 'RF:2025', ref: 'm1' },
      contributesTo: { ref: 'm1' },
      indicators: [
        { ref: 'g1-i1', title: 'Sjukfrånvaro', valueType: 'numeric', unit: '%', direction: 'decrease', givenBy: { plan: 'RF:2025', ref: 'm1-s1' }, rollUp: { method: 'weighted', weightedBy: 'g1-i2' } },
        { ref: 'g1-i2', title: 'Antal anställda', valueType: 'numeric', unit: 'st', rollUp: { method: 'sum' } },
        { ref: 'g1-i3', title: 'Förtroende', valueType: 'qualitative', rollUp: { method: 'none' } },
      ],
      assignments: [{ ref: 'g1-a1', number: '1', title: 'Att följa upp.', origin: 'council', givenBy: { plan: 'RF:2025', ref: 'u1' } }],
    },
  ],
});

function issues(doc: unknown): string[] {
  const result = validatePlanDocument(doc);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('the tree and the references in a document', () => {
  it('validates and converts: kind, the tree parents first, givenBy, contributesTo and rollUp', () => {
    const result = validatePlanDocument(boardPlan());
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    const { contents, organisations } = documentToModel(result.document);
    expect(contents.organisation).toEqual({ code: 'HSN', name: 'Hälso- och sjukvårdsnämnden', kind: 'board', parentCode: 'RF' });
    expect(organisations.map((o) => `${o.code}<${o.parentCode ?? ''}`)).toEqual(['RF<', 'HSN<RF', 'HSF<HSN']);
    expect(contents.goals[0]).toMatchObject({ givenBy: { plan: 'RF:2025', ref: 'm1' }, contributesTo: { ref: 'm1' } });
    expect(contents.indicators.map((i) => i.rollUp)).toEqual([{ method: 'weighted', weightedBy: 'g1-i2' }, { method: 'sum' }, { method: 'none' }]);
    expect(contents.indicators[0]?.givenBy).toEqual({ plan: 'RF:2025', ref: 'm1-s1' });
    expect(contents.assignments[0]?.givenBy).toEqual({ plan: 'RF:2025', ref: 'u1' });
  });

  it('refuses a cycle in the tree and a code listed twice, at their paths', () => {
    const doc = boardPlan();
    doc.organisations = [
      { code: 'RF', name: 'Regionfullmäktige', kind: 'region', parentCode: 'HSF' },
      { code: 'HSF', name: 'Hälso- och sjukvårdsförvaltningen', kind: 'administration', parentCode: 'HSN' },
      { code: 'hsf', name: 'Samma igen' },
    ];
    expect(issues(doc)).toEqual([
      'organisations[2].code: organisationen hsf finns redan (organisations[1])',
      'organisation.parentCode: nämnden HSN kan inte ligga under sig själv: HSN → RF → HSF → HSN (överordnad efter överordnad)',
    ]);
  });

  it('refuses the plan\'s own organisation listed otherwise than in organisation', () => {
    const doc = boardPlan();
    doc.organisations = [{ code: 'HSN', name: 'Hälso- och sjukvårdsnämnden', kind: 'board', parentCode: null }];
    expect(issues(doc)).toEqual(['organisations[0]: HSN är planens egen organisation; namn, kind och parentCode ska vara desamma som i organisation']);
  });

  it('refuses references that cannot be meant, each at its path', () => {
    const doc = boardPlan();
    doc.organisation = { code: 'HSN', name: 'Hälso- och sjukvårdsnämnden', parentCode: null };
    delete doc.organisations;
    const goal = doc.goals?.[0];
    if (!goal?.indicators) throw new Error('fixture');
    goal.givenBy = { plan: 'HSN:2025', ref: 'm1' };
    goal.indicators[0] = { ...goal.indicators[0], ref: 'g1-i1', title: 'Sjukfrånvaro', valueType: 'numeric', rollUp: { method: 'weighted', weightedBy: 'g1-i3' } };
    goal.indicators[1] = { ref: 'g1-i2', title: 'Antal', valueType: 'numeric', rollUp: { method: 'weighted' } as never };
    goal.indicators[2] = { ref: 'g1-i3', title: 'Förtroende', valueType: 'qualitative', rollUp: { method: 'average' } };
    expect(issues(doc)).toEqual([
      'goals[0].indicators[1].rollUp.weightedBy: saknas men krävs: ett vägt medelvärde vägs med ett styrtal (dess ref)',
    ]);
    goal.indicators[1] = { ref: 'g1-i2', title: 'Antal', valueType: 'numeric', rollUp: { method: 'sum', weightedBy: 'g1-i1' } as never };
    expect(issues(doc)).toEqual(['goals[0].indicators[1].rollUp.weightedBy: gäller bara method "weighted"']);
    goal.indicators[1] = { ref: 'g1-i2', title: 'Antal', valueType: 'numeric', rollUp: { method: 'weighted', weightedBy: 'g1-i2' } };
    expect(issues(doc)).toEqual([
      'goals[0].indicators[1].rollUp.weightedBy: ett styrtal kan inte vägas med sig självt',
      'goals[0].indicators[2].rollUp: bara numeriska styrtal kan summeras; ett kvalitativt styrtal har method "none" eller ingen rollUp',
      'goals[0].givenBy.plan: HSN:2025 är den här planen; givenBy namnger en annan plan (regionfullmäktiges, som RF:2025)',
      'goals[0].contributesTo: ett mål bidrar till den överordnade organisationens mål: ange organisation.parentCode',
      'goals[0].indicators[0].rollUp.weightedBy: ref "g1-i3" är inte ett numeriskt styrtal i planen',
    ]);
  });

  it('refuses a malformed plan key and an unknown kind', () => {
    const doc = boardPlan();
    doc.organisation = { ...doc.organisation, kind: 'department' as never };
    const goal = doc.goals?.[0];
    if (!goal) throw new Error('fixture');
    goal.givenBy = { plan: 'RF 2025', ref: 'm1' };
    expect(issues(doc)).toEqual([
      'organisation.kind: okänd kod texten "department"; tillåtna: region, board, administration, staff, unit',
      'goals[0].givenBy.plan: en plannyckel som RF:2025 (organisationskod, kolon, år) förväntades, fick texten "RF 2025"',
    ]);
  });
});

describe('older documents', () => {
  it.each(['rs-2025.json', 'rs-2024.json', 'hsn-2022.json'])('%s converts with no kind, tree or references', (name) => {
    const { contents, organisations } = documentToModel(load(name));
    expect(organisations).toEqual([]);
    expect(contents.organisation.kind).toBeUndefined();
    expect(contents.organisation.parentCode).toBeUndefined();
    const things = [...contents.goals, ...contents.indicators, ...contents.assignments];
    expect(things.filter((t) => 'givenBy' in t || 'contributesTo' in t || 'rollUp' in t)).toEqual([]);
  });
});
