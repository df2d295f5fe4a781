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
  /**
   * The recipient does not have the Teams app and the job could not install it for them: reported,
   * unrecorded, tried again next run, and never a failed run.
   */
  | 'unreached'
  /** The run was stopped before this one. */
  | 'not-sent'
  /**
   * An earlier run today sent it and could not finish its record: recorded now, not sent again.
   */
  | 'sent-earlier'
  /**
   * An earlier run today wrote the intent and never said whether Graph took the send: not sent
   * again today (at most once a day); still owed, so tomorrow's run sends it (docs/notify.md).
   */
  | 'in-doubt';

export interface NotificationOutcome {
  readonly recipient: Person;
  readonly status: NotificationStatus;
  readonly activityType: ActivityType;
  /** The manifest template filled in: what Teams shows after the app's name. */
  readonly text: string;
  readonly webUrl: string;
  readonly chainId: number;
  readonly actions: ReadonlyArray<ActionRef & { readonly role: Role }>;
  /** Why it failed or did not reach the recipient (Swedish). */
  readonly error?: string;
  /** Status and Graph code of the failure, without the recipient's details: what runs compare. */
  readonly failure?: { readonly status: number; readonly code: string };
  /** The job installed the Teams app for the recipient before this send. */
  readonly installed?: boolean;
  /** Sent, but the record on these actions could not be written: a later run finishes it (docs/notify.md). */
  readonly unrecorded?: readonly string[];
}

export interface PhaseFigures {
  /** HTTP round trips, retries included. */
  readonly requests: number;
  readonly ms: number;
}

/** What a run of either job (notify, remind) reports besides its own findings. */
export interface JobRunResult {
  readonly asOf: string;
  readonly dryRun: boolean;
  /** Stopped (signal, or its lease lost) before every notification was sent. */
  readonly interrupted: boolean;
  /** Another run of the job held the lease: this one sent and wrote nothing, and says why (Swedish). */
  readonly busy?: string;
  /** The run lost its lease half-way (it outlived it and another run took over) and stopped: why (Swedish). */
  readonly stopped?: string;
  readonly figures: RunFigures;
}

export interface RunFigures {
  readonly scan: PhaseFigures;
  readonly resolve: PhaseFigures;
  /** Sends and the records written after them. */
  readonly send: PhaseFigures & {
    readonly sends: number;
    /** Send round trips, retries and installs of the app included. */
    readonly sendRequests: number;
    readonly recordRequests: number;
    readonly throttled: number;
    /** Recipients the job installed the Teams app for. */
    readonly installs: number;
  };
  /** The least time the sends can take under Graph's limit: recipients ÷ 5 per second. */
  readonly pacingMinimumMs: number;
}

export interface NotifyRunResult extends JobRunResult {
  readonly overdueActions: number;
  /** In send order. */
  readonly notifications: readonly NotificationOutcome[];
  readonly skipped: readonly SkippedAction[];
  readonly unresolved: readonly UnresolvedPerson[];
}
