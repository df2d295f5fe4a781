import type { FollowUpEntry } from '../../src/core';
import { buildReport } from '../../src/report';
import { fixtureModel, section, table } from './helpers';

describe('trend against the comparison period', () => {
  const { contents, entries } = fixtureModel();
  // The same styrtal a year earlier: 74 % → 78 % is an improvement, 62 % → 61 % a worsening.
  const previous: FollowUpEntry[] = [
    { subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2024-annual', value: 74 },
    { subjectKind: 'indicator', subjectRef: 'g1-i4', periodKey: '2024-annual', value: 62 },
  ];
  const reported: FollowUpEntry = { subjectKind: 'indicator', subjectRef: 'g1-i2', periodKey: '2025-annual', value: 74, assessment: 'partly', trend: 'unchanged' };
  const all = [...entries.filter((e) => !(e.subjectRef === 'g1-i2' && e.periodKey === '2025-annual')), reported, ...previous];
  const report = buildReport(contents, all, '2025-annual');
  const rows = table(section(report, 'goal', 'mal-g1'), 'Styrtal_g1').rows.filter((r) => r.style === 'item');

  it('suggests the trend where none was reported', () => {
    expect(report.comparisonPeriodKey).toBe('2024-annual');
    expect(rows[0]?.cells.trend?.status).toMatchObject({ code: 'improved', symbol: '↑', suggested: true });
    expect(rows[3]?.cells.trend?.status).toMatchObject({ code: 'worsened', symbol: '↓', suggested: true });
  });

  it('shows the reported assessment and trend as they are', () => {
    expect(rows[1]?.cells.status?.status).toEqual({ vocabulary: 'goal-assessment', code: 'partly', symbol: '◆', label: 'Mindre, acceptabel avvikelse / delvis uppnått', colour: '#F9A825' });
    expect(rows[1]?.cells.trend?.status).toEqual({ vocabulary: 'trend', code: 'unchanged', symbol: '→', label: 'Oförändrat' });
  });

  it('adds the comparison period to the Data table only where something was reported', () => {
    const data = section(report, 'data').tables[0];
    const previousRows = data.rows.filter((r) => r.writeBack.periodKey === '2024-annual');
    expect(previousRows.map((r) => r.subject.ref)).toEqual(['g1-i1', 'g1-i4']);
  });
});

describe('last year\'s plan as the comparison', () => {
  const { contents, entries } = fixtureModel();
  // Last year's plan: its own list items, same refs.
  const lastYear = [
    { subjectKind: 'indicator' as const, subjectRef: 'g1-i1', periodKey: '2024-annual', value: 74, itemId: '9001', eTag: '"old,1"' },
    { subjectKind: 'indicator' as const, subjectRef: 'gone-i9', periodKey: '2024-annual', value: 1, itemId: '9002', eTag: '"old,1"' },
    { subjectKind: 'indicator' as const, subjectRef: 'g1-i4', periodKey: '2024-interim', value: 99, itemId: '9003', eTag: '"old,1"' },
  ];

  it('feeds the trend but never the Data table', () => {
    const report = buildReport(contents, entries, '2025-annual', { previousYearEntries: lastYear });
    const row = table(section(report, 'goal', 'mal-g1'), 'Styrtal_g1').rows[0];
    expect(row?.cells.trend?.status).toMatchObject({ code: 'improved', suggested: true });
    expect(section(report, 'data').tables[0].rows.some((r) => r.writeBack.periodKey === '2024-annual')).toBe(false);
  });
});
