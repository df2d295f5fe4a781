// The plan exchange format, version 1 (docs/plan-format.md): one plan of one organisation for one year.
import type { OrganisationKind, TargetKind } from '../vocabularies';
import type { ActionStatus, Assessment, Direction, GoalKind, Level, Origin, PlanStatus, Trend, ValueType } from '../vocabularies';

export interface PlanDocument {
  formatVersion: 1;
  organisation: OrganisationDoc;
  /** The tree around the plan's organisation (optional): imported before the plan, parents first. */
  organisations?: OrganisationDoc[];
  year: number;
  title: string;
  status?: PlanStatus;
  people?: PersonDoc[];
  periods?: PeriodDoc[];
  goals?: GoalDoc[];
  risks?: RiskDoc[];
  followUps?: FollowUpDoc[];
}

export interface OrganisationDoc {
  code: string;
  name: string;
  /** region, board (nämnd), administration (förvaltning), staff (stab), unit (enhet). */
  kind?: OrganisationKind;
  parentCode?: string | null;
  managerUpn?: string | null;
  controllers?: string[] | null;
}

/** Another plan's thing by its stable identity: the plan's key and the thing's ref there. */
export interface GivenByDoc {
  plan: string;
  ref: string;
}

export type RollUpDoc = { method: 'sum' | 'average' } | { method: 'weighted'; weightedBy: string } | { method: 'none' };

export interface PersonDoc {
  upn: string;
  displayName: string;
  managerUpn?: string | null;
}

export interface PeriodDoc {
  key: string;
  deadline?: string;
}

export interface GoalDoc {
  ref: string;
  kind: GoalKind;
  title: string;
  number?: string;
  perspective?: string;
  origin: Origin;
  ownerUpn?: string;
  description?: string;
  /** Regionfullmäktige's (or a parent plan's) goal this one is. */
  givenBy?: GivenByDoc;
  /** The goal of the parent organisation's plan of the same year this one contributes to. */
  contributesTo?: { ref: string };
  indicators?: IndicatorDoc[];
  assignments?: AssignmentDoc[];
  activities?: ActionDoc[];
}

export interface IndicatorDoc {
  ref: string;
  title: string;
  valueType: ValueType;
  unit?: string;
  direction?: Direction;
  target?: number;
  targetText?: string;
  /** What the target means; absent in older documents, then read from direction and text where unambiguous. */
  targetKind?: TargetKind;
  /** A range's upper bound, or how many places a rank is out of. */
  targetMax?: number;
  /** A reference target's distance from the reference ("riket + 1 %" → 1). */
  targetOffset?: number;
  longTermTarget?: number;
  longTermTargetText?: string;
  baseline?: number;
  source?: string;
  ownerUpn?: string;
  givenBy?: GivenByDoc;
  /** How the children's outcomes roll up to it (numeric styrtal only). */
  rollUp?: RollUpDoc;
}

export interface AssignmentDoc {
  ref: string;
  title: string;
  number?: string;
  origin: Origin;
  ownerUpn?: string;
  dueDate?: string;
  multiYear?: boolean;
  givenBy?: GivenByDoc;
}

export interface RiskDoc {
  ref: string;
  area: string;
  title: string;
  regionWide?: boolean;
  probability?: number;
  consequence?: number;
  ownerUpn?: string;
  actions?: ActionDoc[];
}

export interface ActionDoc {
  ref: string;
  title: string;
  regionWide?: boolean;
  ownerUpn?: string;
  dueDate?: string;
  status?: ActionStatus;
}

export interface FollowUpDoc {
  subject: string;
  period: string;
  value?: number;
  level?: Level;
  /** The reference reported beside the value, for a target of kind "reference". */
  reference?: number;
  assessment?: Assessment;
  trend?: Trend;
  status?: ActionStatus;
  comment?: string;
  reportedByUpn?: string;
  reportedAt?: string;
}
