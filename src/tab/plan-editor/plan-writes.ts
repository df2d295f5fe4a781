// What the plan editor writes through: Målkoll's write API (controllers only; the API decides), and
// the directory search its owner field asks. Tests hand in stand-ins of the same shape.
import type { PersonFound, WriteApi } from '../../store';

export type PlanWrites = Pick<WriteApi, 'createPlanItem' | 'updatePlanItem' | 'reorderPlanItems' | 'removePlanItem' | 'changePlanStatus' | 'copyPlan'>;

export type PeopleSearch = (text: string) => Promise<readonly PersonFound[]>;

/** The API's own words when it has them (a 403's "Bara planens controller …"), else the error's. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
