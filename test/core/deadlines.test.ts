// The deadline people see in Att göra: calendar days left, the day itself still in time, late the
// day after, and the Swedish (and English) text the tab prints.
import { deadlineDateLabel, deadlineStatus, isLateReport } from '../../src/core';
import { EN, SV } from '../../src/ui';

const interim = { deadline: '2025-08-20' };
const seen = (asOf: string, strings = SV, language: 'sv' | 'en' = 'sv') => {
  const status = deadlineStatus(interim, asOf);
  if (!status) throw new Error('no deadline');
  return strings.todo.deadline(deadlineDateLabel(status.deadline, asOf, language), status.daysLeft);
};

describe('deadlineStatus', () => {
  it('counts calendar days: five before the deadline is "om 5 dagar", not yet passed', () => {
    expect(deadlineStatus(interim, '2025-08-15')).toEqual({ deadline: '2025-08-20', daysLeft: 5, passed: false });
  });

  it('keeps the deadline day itself in time', () => {
    expect(deadlineStatus(interim, '2025-08-20')).toEqual({ deadline: '2025-08-20', daysLeft: 0, passed: false });
  });

  it('has passed the day after', () => {
    expect(deadlineStatus(interim, '2025-08-21')).toEqual({ deadline: '2025-08-20', daysLeft: -1, passed: true });
  });

  it('counts across months and a summer-time change alike', () => {
    expect(deadlineStatus({ deadline: '2025-11-03' }, '2025-10-24')?.daysLeft).toBe(10);
    expect(deadlineStatus({ deadline: '2026-02-15' }, '2026-01-31')?.daysLeft).toBe(15);
  });

  it('reads a deadline stored with a time of day by its date', () => {
    expect(deadlineStatus({ deadline: '2025-08-20T00:00:00Z' }, '2025-08-19')?.daysLeft).toBe(1);
  });

  it('says nothing when the plan sets no deadline', () => {
    expect(deadlineStatus({}, '2025-08-15')).toBeUndefined();
  });
});

describe('late reports', () => {
  const passed = deadlineStatus(interim, '2025-08-21');
  const onTheDay = deadlineStatus(interim, '2025-08-20');

  it('are the ones not reported once the deadline has passed', () => {
    expect(isLateReport(passed, false)).toBe(true);
    expect(isLateReport(passed, true)).toBe(false);
    expect(isLateReport(onTheDay, false)).toBe(false);
    expect(isLateReport(undefined, false)).toBe(false);
  });
});

describe('the deadline in words', () => {
  it('reads as the issue writes it, in Swedish', () => {
    expect(seen('2025-08-15')).toBe('Senast 20 augusti, om 5 dagar');
    expect(seen('2025-08-19')).toBe('Senast 20 augusti, i morgon');
    expect(seen('2025-08-20')).toBe('Senast i dag, 20 augusti');
    expect(seen('2025-08-21')).toBe('Senast 20 augusti, passerad i går');
    expect(seen('2025-08-23')).toBe('Senast 20 augusti, passerad för 3 dagar sedan');
  });

  it('names the year only when the deadline falls in another year', () => {
    const annual = deadlineStatus({ deadline: '2026-02-15' }, '2025-12-20');
    expect(annual && SV.todo.deadline(deadlineDateLabel(annual.deadline, '2025-12-20'), annual.daysLeft)).toBe('Senast 15 februari 2026, om 57 dagar');
  });

  it('has an English form', () => {
    expect(seen('2025-08-15', EN, 'en')).toBe('Due 20 August, in 5 days');
    expect(seen('2025-08-20', EN, 'en')).toBe('Due today, 20 August');
    expect(seen('2025-08-23', EN, 'en')).toBe('Due 20 August, passed 3 days ago');
  });
});
