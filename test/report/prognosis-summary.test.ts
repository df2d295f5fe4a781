// At a delår the goals' and uppdrag's assessments are the forecast for the year: the interim
// report's Sammanfattning says "Prognos måluppfyllelse"; the helår report keeps "Måluppfyllelse".
import { buildReport } from '../../src/report';
import { fixtureModel, report2025, section } from './helpers';

function summaryHeading(periodKey: string): string | undefined {
  const { contents, entries } = fixtureModel();
  const [summaryTable] = section(buildReport(contents, entries, periodKey), 'summary').tables;
  return summaryTable?.columns[0]?.header;
}

describe('the Sammanfattning heading', () => {
  it('says "Prognos måluppfyllelse" in the interim report', () => {
    expect(summaryHeading('2025-interim')).toBe('Prognos måluppfyllelse');
  });

  it('says "Måluppfyllelse" in the helår report, as the seed prints it', () => {
    expect(summaryHeading('2025-annual')).toBe('Måluppfyllelse');
    expect(section(report2025(), 'summary').tables[0]?.columns[0]?.header).toBe('Måluppfyllelse');
  });

  it('keeps the assessment columns at the delår', () => {
    const { contents, entries } = fixtureModel();
    const [summaryTable] = section(buildReport(contents, entries, '2025-interim'), 'summary').tables;
    expect(summaryTable?.columns.slice(1, 4).map((c) => c.header)).toEqual(['Har uppnåtts/genomförts', 'Har delvis uppnåtts/genomförts', 'Har inte uppnåtts/genomförts']);
  });
});
