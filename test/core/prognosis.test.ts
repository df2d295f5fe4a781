// At a delår a goal's (and an uppdrag's) assessment is the forecast for the year; styrtal keep
// their outcome for the period.
import { isPrognosis } from '../../src/core';

describe('isPrognosis', () => {
  it('is the goal and the uppdrag at a delår', () => {
    expect(isPrognosis('2025-interim', 'goal')).toBe(true);
    expect(isPrognosis('2025-interim', 'assignment')).toBe(true);
  });

  it('is never the styrtal or the åtgärd: they report what the period was', () => {
    expect(isPrognosis('2025-interim', 'indicator')).toBe(false);
    expect(isPrognosis('2025-interim', 'action')).toBe(false);
  });

  it('is not at the helår, when the year is over', () => {
    expect(isPrognosis('2025-annual', 'goal')).toBe(false);
    expect(isPrognosis({ kind: 'annual' }, 'assignment')).toBe(false);
  });

  it('follows whether the period ends before the year does', () => {
    expect(isPrognosis('2025-t2', 'goal')).toBe(true);
    expect(isPrognosis('2025-t3', 'goal')).toBe(false);
    expect(isPrognosis('2025-m11', 'goal')).toBe(true);
    expect(isPrognosis('2025-m12', 'goal')).toBe(false);
  });

  it('is false for a key that names no period', () => {
    expect(isPrognosis('sommaren', 'goal')).toBe(false);
  });
});
