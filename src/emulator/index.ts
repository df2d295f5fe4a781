// The local Graph emulator: `startEmulator()` serves the Graph subset Målkoll uses, on SQLite.
// See docs/emulator.md.
import { createListOperations, ensureDefaultSite } from './lists';
import { startEmulatorWith } from './server/emulator';
import type { EmulatorOptions, RunningEmulator } from './server/emulator';

export function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulatorWith(options, { createListOperations, ensureDefaultSite });
}

export type { EmulatorOptions, RunningEmulator } from './server/emulator';
export type { EmulatorLogger } from './server/http-server';
export type { FaultControl, FaultSettings, LatencyRange } from './faults';
export type { TokenRequest, TokenResponse } from './auth';
export type { DevUser, UserRegistration } from './directory';
export type { ActivityFeedOptions, DevInstallation, RecordedActivity, TeamsApp, TeamsAppUpload } from './teamwork';
export { SHAREPOINT_HOSTNAME } from './server/emulator';
export type { MountedApi, MountedApiRequest, MountedApiResponse } from './server/http-server';
export { TENANT_ID } from './auth';
