// The domain model, flat and storage-neutral. Things of a plan are named by `ref`, unique within
// the plan (the plan exchange document's refs, or ones the system assigns).
import type {
  ActionStatus,
  Assessment,
  Direction,
  EntryState,
  GoalKind,
  Level,
  OrganisationKind,
  Origin,
  PeriodKind,
  PlanStatus,
  SubjectKind,
  TargetKind,
  Trend,
  ValueType,
} from './vocabularies';

/**
 * A thing of another plan, by its stable identity: the plan's key (`RF:2025`) and the thing's ref
 * there. A nämnd's goal, styrtal or uppdrag *given* by regionfullmäktige names it so, instead of
 * copying its text, and reports its own part of it.
 */
export interface PlanThingRef {
  /** The plan's key, `ORG:YEAR` (`RF:2025`). */
  readonly plan: string;
  readonly ref: string;
}

/** A child plan's goal contributes to a goal of its parent organisation's plan of the same year. */
export interface GoalContribution {
  readonly ref: string;
}

/**
 * How a numeric styrtal gathers its children's outcomes (src/core/roll-up.ts): their sum, their
 * average, their average weighted by another styrtal of the plan (e.g. antal anställda), or not at all.
 */
export type RollUp =
  | { readonly method: 'sum' | 'average' }
  | { readonly method: 'weighted'; /** A numeric styrtal of the same plan, whose children's outcomes are the weights. */ readonly weightedBy: string }
  | { readonly method: 'none' };


/** An organisation unit: region, nämnd, förvaltning, stab or enhet; `parentCode` gives the roll-up (core/org-tree.ts). */
export interface Organisation {
  readonly code: string;
  readonly name: string;
  /** Absent for organisations stored before the tree had kinds. */
  readonly kind?: OrganisationKind;
  readonly parentCode?: string;
  readonly managerUpn?: string;
  /** Its controllers (plan administrators): they edit its plans, approve and lock (core/write-rights.ts). */
  readonly controllerUpns?: readonly string[];
}

export interface Person {
  readonly upn: string;
  readonly displayName: string;
  readonly managerUpn?: string;
}

/** A verksamhetsplan: one organisation, one year. */
export interface Plan {
  readonly organisationCode: string;
  readonly year: number;
  readonly title: string;
  readonly status: PlanStatus;
  /** Who adopted it (utkast → fastställd) and when (ISO instant). */
  readonly adoptedByUpn?: string;
  readonly adoptedAt?: string;
  /** Who archived it (fastställd → arkiverad) and when (ISO instant). */
  readonly archivedByUpn?: string;
  readonly archivedAt?: string;
}

/** A follow-up period, named by its key (`2025-interim`, `2025-annual`, `2025-t1`, `2025-m03`). */
export interface Period {
  readonly key: string;
  readonly year: number;
  readonly kind: PeriodKind;
  /** Tertial 1–3 or month 1–12; absent for interim and annual. */
  readonly index?: number;
  /** This plan's deadline (its own schedule, else the shared period's). */
  readonly deadline?: string;
  /** Locked for this plan: read-only in every surface. */
  readonly locked?: boolean;
  /** Who locked it and when (ISO instant), when the plan's own schedule records it. */
  readonly lockedByUpn?: string;
  readonly lockedAt?: string;
}

/**
 * One plan's own schedule for one period: the period keys are shared by every plan, the deadline
 * and the lock are the plan's. What is absent here falls back to the shared period's.
 */
export interface PlanPeriod {
  readonly periodKey: string;
  readonly deadline?: string;
  /** Absent: the plan has not set a lock of its own (the shared period's applies). */
  readonly locked?: boolean;
  readonly lockedByUpn?: string;
  readonly lockedAt?: string;
}

export interface Goal {
  readonly ref: string;
  readonly kind: GoalKind;
  readonly number?: string;
  readonly title: string;
  readonly perspective?: string;
  readonly origin: Origin;
  readonly ownerUpn?: string;
  readonly description?: string;
  /** Regionfullmäktige's (or a parent plan's) goal this one is: the plan reports its own part of it. */
  readonly givenBy?: PlanThingRef;
  /** The goal of the parent organisation's plan (same year) this one contributes to. */
  readonly contributesTo?: GoalContribution;
  /** Removed from the plan after it was reported on: earlier periods' reports still show it. */
  readonly archived?: boolean;
}

export interface Indicator {
  readonly ref: string;
  readonly goalRef: string;
  readonly title: string;
  readonly valueType: ValueType;
  readonly unit?: string;
  readonly direction: Direction;
  readonly target?: number;
  /** The target as the plan words it when it is not a plain number (">78", "riket + 1 %"). */
  readonly targetText?: string;
  /** What the target means (src/core/targets.ts); absent in older plans, then the legacy rule applies. */
  readonly targetKind?: TargetKind;
  /** The range's upper bound, or the number of places a rank is out of. */
  readonly targetMax?: number;
  /** A reference target's distance from the reference ("riket + 1 %" → 1). */
  readonly targetOffset?: number;
  readonly longTermTarget?: number;
  readonly longTermTargetText?: string;
  readonly baseline?: number;
  readonly source?: string;
  readonly ownerUpn?: string;
  /** The parent plan's styrtal this one is this plan's part of. */
  readonly givenBy?: PlanThingRef;
  /** How the children's outcomes roll up to this styrtal; absent: not said (nothing is rolled up). */
  readonly rollUp?: RollUp;
  /** Removed from the plan after it was reported on: earlier periods' reports still show it. */
  readonly archived?: boolean;
}

export interface Assignment {
  readonly ref: string;
  readonly goalRef?: string;
  readonly number?: string;
  readonly title: string;
  readonly origin: Origin;
  readonly ownerUpn?: string;
  readonly dueDate?: string;
  readonly multiYear?: boolean;
  /** Regionfullmäktige's (or a parent plan's) uppdrag this one is. */
  readonly givenBy?: PlanThingRef;
  /** Removed from the plan after it was reported on: earlier periods' reports still show it. */
  readonly archived?: boolean;
}

/** A risk of the internal-control plan; risk value = probability × consequence. */
export interface Risk {
  readonly ref: string;
  readonly area: string;
  readonly title: string;
  readonly regionWide?: boolean;
  readonly probability?: number;
  readonly consequence?: number;
  readonly ownerUpn?: string;
  /** Removed from the plan after it was reported on: earlier periods' reports still show it. */
  readonly archived?: boolean;
}

/** An åtgärd (under a risk) or an aktivitet (under a goal). */
export interface Action {
  readonly ref: string;
  readonly riskRef?: string;
  readonly goalRef?: string;
  readonly title: string;
  readonly regionWide?: boolean;
  readonly ownerUpn?: string;
  readonly dueDate?: string;
  readonly status: ActionStatus;
  /** Removed from the plan after it was reported on: earlier periods' reports still show it. */
  readonly archived?: boolean;
}

/** One uppföljning: what was reported for one thing in one period. */
export interface FollowUpEntry {
  readonly subjectKind: SubjectKind;
  readonly subjectRef: string;
  readonly periodKey: string;
  readonly value?: number;
  readonly level?: Level;
  /** The reference value reported beside the outcome (the national figure of a "riket + 1 %" target). */
  readonly reference?: number;
  readonly assessment?: Assessment;
  readonly trend?: Trend;
  readonly status?: ActionStatus;
  readonly comment?: string;
  readonly reportedByUpn?: string;
  readonly reportedAt?: string;
  /** Where the entry is in the reporting round (src/core/round.ts); absent on entries saved before it. */
  readonly state?: EntryState;
  /** Who set the state, and when (ISO instant). */
  readonly stateByUpn?: string;
  readonly stateAt?: string;
  /** The controller's comment when the entry was sent back. */
  readonly returnComment?: string;
}

/** A whole plan with everything in it, as the report and the surfaces read it. */
export interface PlanContents {
  readonly organisation: Organisation;
  readonly plan: Plan;
  readonly periods: readonly Period[];
  readonly goals: readonly Goal[];
  readonly indicators: readonly Indicator[];
  readonly assignments: readonly Assignment[];
  readonly risks: readonly Risk[];
  readonly actions: readonly Action[];
  readonly people: readonly Person[];
}

export function riskValue(risk: Pick<Risk, 'probability' | 'consequence'>): number | undefined {
  return risk.probability !== undefined && risk.consequence !== undefined ? risk.probability * risk.consequence : undefined;
}
