import { comparePeriods, comparisonPeriodKey, parsePeriodKey, periodEndDate, periodLabel } from '../../src/core';
import type { Period } from '../../src/core';

function p(key: string): Period {
  const period = parsePeriodKey(key);
  if (!period) throw new Error(`bad key ${key}`);
  return period;
}

describe('periods', () => {
  test.each([
    ['2025-interim', 'Delår 2025', 'Interim 2025'],
    ['2025-annual', 'Helår 2025', 'Full year 2025'],
    ['2025-t1', 'Tertial 1 2025', 'Four-month period 1 2025'],
    ['2025-m03', 'Mars 2025', 'March 2025'],
  ])('%s reads "%s" in Swedish and "%s" in English', (key, sv, en) => {
    expect(periodLabel(key)).toBe(sv);
    expect(periodLabel(key, 'en')).toBe(en);
  });

  test.each(['2025', '2025-t4', '2025-m13', '2025-m3', '25-annual', '2025-Annual', ''])('refuses the key %j', (key) => {
    expect(parsePeriodKey(key)).toBeUndefined();
  });

  test('the interim report covers up to 31 July', () => {
    expect(periodEndDate(p('2025-interim'))).toBe('2025-07-31');
    expect(periodEndDate(p('2024-m02'))).toBe('2024-02-29');
  });

  test('orders periods chronologically, the annual report last in its year', () => {
    const keys = ['2025-annual', '2025-t3', '2025-m12', '2025-interim', '2025-t2', '2025-t1', '2024-annual', '2025-m07'];
    const sorted = keys.map(p).sort(comparePeriods).map((x) => x.key);
    expect(sorted).toEqual(['2024-annual', '2025-t1', '2025-m07', '2025-interim', '2025-t2', '2025-m12', '2025-t3', '2025-annual']);
  });

  test('trends compare with the same period of the previous year', () => {
    expect(comparisonPeriodKey('2025-annual')).toBe('2024-annual');
    expect(comparisonPeriodKey('2025-interim')).toBe('2024-interim');
    expect(comparisonPeriodKey('2025-t2')).toBe('2024-t2');
    expect(comparisonPeriodKey('2025-m01')).toBe('2024-m01');
    expect(comparisonPeriodKey('nonsense')).toBeUndefined();
  });
});
