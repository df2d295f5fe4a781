export * from './model';
export * from './vocabularies';
export * from './numbers';
export * from './periods';
export * from './status';
export * from './summary';
export * from './overdue';
export * from './plan-format/types';
export { validatePlanDocument, formatIssue } from './plan-format/validate';
export type { ValidationIssue, ValidationResult } from './plan-format/validate';
export { documentToModel, subjectKinds } from './plan-format/to-model';
export type { PlanWithEntries } from './plan-format/to-model';
export * from './deep-links';
export * from './activity-types';
export * from './compact';
export * from './follow-up-rules';
export * from './round';
// Both the round and the overdue rule have an `isFinished`; the barrel's is the round's (an item klar or
// godkänd), the overdue rule keeps its own for åtgärder.
export { isFinished } from './round';
export * from './graph-endpoint';
export * from './figures';
export * from './deadlines';
export * from './prognosis';
export * from './targets';
export * from './graph-app-roles';
