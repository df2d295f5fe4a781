// The teamwork part: activity-feed notifications, validated, checked as Teams checks them, and
// recorded; the Teams app catalog and installations in people's personal scope.
export { teamworkMigration, createActivityStore } from './activity-store';
export type { ActivityStore, RecordedActivity } from './activity-store';
export { createTeamworkPart } from './teamwork-part';
export type { ActivityFeedOptions } from './teamwork-part';
export type { TeamsApp, TeamsAppUpload } from './teams-apps';
export type { DevInstallation, TeamworkDev } from './teamwork-dev';
