export { FollowUpStore, PlanNotFoundError } from './follow-up-store';
export type { SaveResult, WorkItem } from './follow-up-store';
export type { LoadedPlan, StoredAction, StoredEntry } from './loaded-plan';
export { entryOf, itemIdOf } from './loaded-plan';
export { openSite, ListsMissingError } from './site';
export type { SiteLists } from './site';
export { importPlan, InvalidPlanDocumentError } from './plan-import';
export type { ImportReport, ImportProgress } from './plan-import';
export { exportPlan, planToDocument, peopleOf } from './plan-export';
