// The teamwork part: activity-feed notifications, validated and recorded.
export { teamworkMigration, createActivityStore } from './activity-store';
export type { ActivityStore, RecordedActivity } from './activity-store';
export { createTeamworkOperations } from './activity.handler';
