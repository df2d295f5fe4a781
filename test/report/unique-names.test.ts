// Excel table names are unique in a workbook, without regard to case: refs that differ only in
// punctuation or case must still give two tables two names (in the report, so both writers agree).
import { buildReport } from '../../src/report';
import { fixtureModel } from './helpers';

test('goals "g-1" and "g.1" get tables of their own names', () => {
  const { contents, entries } = fixtureModel();
  const [first, second] = contents.goals;
  if (!first || !second) throw new Error('fixture');
  const renamed = {
    ...contents,
    goals: contents.goals.map((g) => (g.ref === first.ref ? { ...g, ref: 'g-1' } : g.ref === second.ref ? { ...g, ref: 'g.1' } : g)),
    indicators: contents.indicators.map((i) => (i.goalRef === first.ref ? { ...i, goalRef: 'g-1' } : i.goalRef === second.ref ? { ...i, goalRef: 'g.1' } : i)),
    assignments: contents.assignments.map((a) => (a.goalRef === first.ref ? { ...a, goalRef: 'g-1' } : a.goalRef === second.ref ? { ...a, goalRef: 'g.1' } : a)),
  };
  const report = buildReport(renamed, entries, '2025-annual');
  const ids = report.sections.flatMap((s) => s.tables.map((t) => t.id.toLowerCase()));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expect.arrayContaining(['styrtal_g_1', 'styrtal_g_1_2']));
});
