import { ACTION_STATUS, ASSIGNMENT_ASSESSMENT, GOAL_ASSESSMENT, LEVEL, TREND } from '../../src/core';

describe('vocabularies', () => {
  test('assessments carry the report symbols and Swedish labels', () => {
    expect(Object.values(GOAL_ASSESSMENT).map((e) => [e.code, e.symbol])).toEqual([
      ['achieved', '●'],
      ['partly', '◆'],
      ['not-achieved', '■'],
      ['not-assessed', '—'],
    ]);
    expect(ASSIGNMENT_ASSESSMENT.achieved.sv).toBe('Har genomförts');
    expect(GOAL_ASSESSMENT['not-assessed'].sv).toBe('Kan ej bedömas');
  });

  test('levels, trends and action statuses', () => {
    expect(LEVEL.partial).toMatchObject({ sv: 'Delvis', symbol: '◆' });
    expect(TREND.improved.symbol).toBe('↑');
    expect(TREND.worsened.symbol).toBe('↓');
    expect(ACTION_STATUS['done-with-deviation']).toMatchObject({ sv: 'Avslutad med avvikelse', symbol: '✓!' });
    expect(ACTION_STATUS['in-progress']).toMatchObject({ sv: 'Pågående', symbol: '▶' });
  });

  test('every entry has Swedish and English labels', () => {
    for (const vocab of [GOAL_ASSESSMENT, ASSIGNMENT_ASSESSMENT, LEVEL, TREND, ACTION_STATUS]) {
      for (const entry of Object.values(vocab)) {
        expect(entry.sv.length).toBeGreaterThan(0);
        expect(entry.en.length).toBeGreaterThan(0);
      }
    }
  });
});
