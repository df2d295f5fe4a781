import { daysOverdue, isOverdue } from '../../src/core';

describe('overdue actions and activities', () => {
  test('overdue from the day after the due date', () => {
    expect(isOverdue({ dueDate: '2025-06-30', status: 'in-progress' }, '2025-06-30')).toBe(false);
    expect(isOverdue({ dueDate: '2025-06-30', status: 'in-progress' }, '2025-07-01')).toBe(true);
    expect(daysOverdue('2025-06-30', '2025-07-01')).toBe(1);
    expect(daysOverdue('2025-02-28', '2025-03-10')).toBe(10);
  });

  test.each([
    ['not-started', true],
    ['in-progress', true],
    ['deviation', true],
    ['not-done', true],
    ['done', false],
    ['done-with-deviation', false],
  ] as const)('status %s past its due date: overdue %s', (status, expected) => {
    expect(isOverdue({ dueDate: '2025-01-31', status }, '2025-11-23')).toBe(expected);
  });

  test('without a due date an action is never overdue', () => {
    expect(isOverdue({ status: 'not-started' }, '2030-01-01')).toBe(false);
  });
});
