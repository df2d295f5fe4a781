// A run's outcome as data: what was sent (or would be, in a dry run), what failed, who could not be
// resolved, which actions were left alone and why, and the run's round trips and times.
import type { ActivityType } from '../../core';
import type { ActionRef, SkippedAction, UnresolvedPerson } from './compose';
import type { Person } from './directory';
import type { Role } from './message';

export type NotificationStatus =
  | 'sent'
  /** Dry run: what a real run would send. */
  | 'would-send'
  /** Graph refused it (after retries); the actions stay unrecorded, so the next run tries again. */
  | 'failed'
  /** The run was stopped before this one. */
  | 'not-sent';

export interface NotificationOutcome {
  readonly recipient: Person;
  readonly status: NotificationStatus;
  readonly activityType: ActivityType;
  /** The manifest template filled in: what Teams shows after the app's name. */
  readonly text: string;
  readonly webUrl: string;
  readonly chainId: number;
  readonly actions: ReadonlyArray<ActionRef & { readonly role: Role }>;
  readonly error?: string;
  /** Sent, but the record on these actions could not be written: the next run sends again. */
  readonly unrecorded?: readonly string[];
}

export interface PhaseFigures {
  /** HTTP round trips, retries included. */
  readonly requests: number;
  readonly ms: number;
}

export interface NotifyRunResult {
  readonly asOf: string;
  readonly dryRun: boolean;
  /** Stopped (signal) before every notification was sent. */
  readonly interrupted: boolean;
  readonly overdueActions: number;
  /** In send order. */
  readonly notifications: readonly NotificationOutcome[];
  readonly skipped: readonly SkippedAction[];
  readonly unresolved: readonly UnresolvedPerson[];
  readonly figures: {
    readonly scan: PhaseFigures;
    readonly resolve: PhaseFigures;
    /** Sends and the records written after them. */
    readonly send: PhaseFigures & { readonly sends: number; readonly sendRequests: number; readonly recordRequests: number; readonly throttled: number };
    /** The least time the sends can take under Graph's limit: recipients ÷ 5 per second. */
    readonly pacingMinimumMs: number;
  };
}
