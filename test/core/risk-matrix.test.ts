// The 4 × 4 risk matrix the plan editor draws: sannolikhet by konsekvens, the risk value in each
// cell, the risks in it, and the risks that cannot be placed.
import type { Risk } from '../../src/core';
import { riskMatrix, riskValue } from '../../src/core';

const risk = (ref: string, probability?: number, consequence?: number, archived?: true): Risk => ({
  ref,
  area: 'HR',
  title: `Risk ${ref}`,
  ...(probability !== undefined ? { probability } : {}),
  ...(consequence !== undefined ? { consequence } : {}),
  ...(archived ? { archived } : {}),
});

describe('riskMatrix', () => {
  const matrix = riskMatrix([risk('r1', 3, 4), risk('r2', 1, 1), risk('r3', 3, 4), risk('r4', 2), risk('r5', 4, 4, true), risk('r6', 5, 1)]);

  test('four rows from sannolikhet 4 down to 1, four cells from konsekvens 1 to 4, each with its value', () => {
    expect(matrix.rows.map((row) => row.map((c) => `${c.probability}×${c.consequence}=${c.value}`))).toEqual([
      ['4×1=4', '4×2=8', '4×3=12', '4×4=16'],
      ['3×1=3', '3×2=6', '3×3=9', '3×4=12'],
      ['2×1=2', '2×2=4', '2×3=6', '2×4=8'],
      ['1×1=1', '1×2=2', '1×3=3', '1×4=4'],
    ]);
  });

  test('each risk sits in its cell, in the order given; an archived risk is not in the plan any more', () => {
    const placed = matrix.rows.flat().filter((c) => c.risks.length > 0).map((c) => [c.value, c.risks.map((r) => r.ref)]);
    expect(placed).toEqual([
      [12, ['r1', 'r3']],
      [1, ['r2']],
    ]);
  });

  test('a risk without both grades, or with one outside 1–4, is listed as unrated', () => {
    expect(matrix.unrated.map((r) => r.ref)).toEqual(['r4', 'r6']);
  });

  test('the risk value is sannolikhet × konsekvens', () => {
    expect(riskValue({ probability: 3, consequence: 4 })).toBe(12);
    expect(riskValue({ probability: 3 })).toBeUndefined();
  });
});
