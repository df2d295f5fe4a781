// The internal-control plan's 4 × 4 risk matrix: sannolikhet (1–4) by konsekvens (1–4), each cell
// with its risk value (sannolikhet × konsekvens) and the risks in it, for the plan editor's view.
import type { Risk } from './model';

export const RISK_SCALE = [1, 2, 3, 4] as const;
export type RiskGrade = (typeof RISK_SCALE)[number];

export interface RiskCell<R> {
  readonly probability: RiskGrade;
  readonly consequence: RiskGrade;
  /** Sannolikhet × konsekvens, 1–16. */
  readonly value: number;
  readonly risks: readonly R[];
}

export interface RiskMatrix<R> {
  /** Rows from the most probable (4) down to the least (1), each from the slightest consequence (1) to the gravest (4): as the matrix is drawn. */
  readonly rows: ReadonlyArray<readonly RiskCell<R>[]>;
  /** Risks without both grades (or with one outside 1–4): not in any cell, listed beside the matrix. */
  readonly unrated: readonly R[];
}

type Rated = Pick<Risk, 'probability' | 'consequence' | 'archived'>;

function grade(value: number | undefined): RiskGrade | undefined {
  return RISK_SCALE.find((g) => g === value);
}

/** The plan's risks (archived ones are no longer in the plan, so left out) placed in the matrix, each cell's risks in the order given. */
export function riskMatrix<R extends Rated>(risks: readonly R[]): RiskMatrix<R> {
  const current = risks.filter((r) => !r.archived);
  const unrated = current.filter((r) => grade(r.probability) === undefined || grade(r.consequence) === undefined);
  const rows = [...RISK_SCALE].reverse().map((probability) =>
    RISK_SCALE.map((consequence) => ({
      probability,
      consequence,
      value: probability * consequence,
      risks: current.filter((r) => r.probability === probability && r.consequence === consequence),
    })),
  );
  return { rows, unrated };
}
