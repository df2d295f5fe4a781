// Item ⇄ model mapping for every list, in one place. Things of a plan carry `Key` = `planItemId:ref`,
// so the plan exchange document's refs survive a round trip through SharePoint.
import type { Action, Assignment, FollowUpEntry, Goal, Indicator, Organisation, Period, Plan, PlanPeriod, PlanThingRef, Risk } from '../core';
import {
  compact,
  ACTION_STATUSES,
  ASSESSMENTS,
  DIRECTIONS,
  ENTRY_STATES,
  GOAL_KINDS,
  LEVELS,
  ORGANISATION_KINDS,
  ORIGINS,
  PLAN_STATUSES,
  SUBJECT_KINDS,
  TARGET_KINDS,
  TRENDS,
  VALUE_TYPES,
  parsePeriodKey,
  parseRollUp,
  periodLabel,
  rollUpText,
} from '../core';
import type { Fields } from './fields';
import { readBoolean, readChoice, readDate, readDateTime, readLookup, readNumber, readText, writeDate, writeDateTime, writeLookup } from './fields';
import { LEASE_KINDS, NOTICE_STATES, TEXT_MAX_LENGTH, followUpKey, planItemKey, planKey, planPeriodKey } from './schema';

/** A list item as the store sees it: its id, eTag and fields. */
export interface ListItem {
  readonly id: string;
  readonly eTag: string;
  readonly fields: Fields;
}

export type WriteFields = Record<string, string | number | boolean | null>;

/** Model plus where it lives. */
export type Stored<T> = T & { readonly itemId: string; readonly eTag: string };

function titleFields(title: string): WriteFields {
  if (title.length <= TEXT_MAX_LENGTH) return { Title: title, FullTitle: null };
  return { Title: `${title.slice(0, TEXT_MAX_LENGTH - 1)}…`, FullTitle: title };
}

function readTitle(fields: Fields): string {
  return readText(fields, 'FullTitle') ?? readText(fields, 'Title') ?? '';
}

/** The ref part of `planItemId:ref`. */
export function refOfKey(key: string | undefined): string {
  if (!key) return '';
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(colon + 1);
}

function stored<T>(item: ListItem, model: T): Stored<T> {
  return { ...model, itemId: item.id, eTag: item.eTag };
}

/** GivenByPlan and GivenByRef: both, or neither. */
function givenByFields(given: PlanThingRef | undefined): WriteFields {
  return { GivenByPlan: given?.plan ?? null, GivenByRef: given?.ref ?? null };
}

function readGivenBy(f: Fields): PlanThingRef | undefined {
  const plan = readText(f, 'GivenByPlan');
  const ref = readText(f, 'GivenByRef');
  return plan !== undefined && ref !== undefined ? { plan, ref } : undefined;
}


// Organisations -------------------------------------------------------------------------------

/** The kind is written only when known: a document from before the tree leaves a kind set in the tab as it is. */
export function organisationFields(org: Organisation, parentItemId: string | undefined): WriteFields {
  return {
    Title: org.name,
    Code: org.code,
    ManagerUpn: org.managerUpn ?? null,
    ControllerUpns: org.controllerUpns?.length ? org.controllerUpns.join(';') : null,
    ...writeLookup('Parent', parentItemId),
    ...(org.kind !== undefined ? { Kind: org.kind } : {}),
  };
}

export function organisationFromItem(item: ListItem, codeOfItem: (itemId: string) => string | undefined): Stored<Organisation> {
  const f = item.fields;
  const parentId = readLookup(f, 'Parent');
  return stored(
    item,
    compact({
      code: readText(f, 'Code') ?? '',
      name: readText(f, 'Title') ?? '',
      kind: readChoice(f, 'Kind', ORGANISATION_KINDS),
      parentCode: parentId ? codeOfItem(parentId) : undefined,
      managerUpn: readText(f, 'ManagerUpn'),
      controllerUpns: upnList(readText(f, 'ControllerUpns')),
    }),
  );
}

/** A semicolon-separated UPN list, as a people column's text would hold it; empty is none. */
function upnList(value: string | undefined): readonly string[] | undefined {
  const upns = (value ?? '').split(';').map((u) => u.trim()).filter(Boolean);
  return upns.length > 0 ? upns : undefined;
}

// Plans and periods ----------------------------------------------------------------------------

export function planFields(plan: Plan, organisationItemId: string): WriteFields {
  return { Title: plan.title, Key: planKey(plan.organisationCode, plan.year), Year: plan.year, Status: plan.status, ...writeLookup('Organisation', organisationItemId) };
}

export function planFromItem(item: ListItem): Stored<Plan> & { organisationItemId: string } {
  const f = item.fields;
  const key = readText(f, 'Key') ?? '';
  return {
    ...stored(
      item,
      compact({
        organisationCode: key.slice(0, key.lastIndexOf(':')),
        year: readNumber(f, 'Year') ?? 0,
        title: readText(f, 'Title') ?? '',
        status: readChoice(f, 'Status', PLAN_STATUSES) ?? 'draft',
        adoptedByUpn: readText(f, 'AdoptedByUpn'),
        adoptedAt: readDateTime(f, 'AdoptedAt'),
        archivedByUpn: readText(f, 'ArchivedByUpn'),
        archivedAt: readDateTime(f, 'ArchivedAt'),
      }),
    ),
    organisationItemId: readLookup(f, 'Organisation') ?? '',
  };
}

export function periodFields(period: Period): WriteFields {
  return { Title: periodLabel(period), Key: period.key, Year: period.year, Kind: period.kind, Deadline: writeDate(period.deadline), Locked: period.locked ?? false };
}

export function periodFromItem(item: ListItem): Stored<Period> | undefined {
  const f = item.fields;
  const parsed = parsePeriodKey(readText(f, 'Key') ?? '');
  if (!parsed) return undefined;
  return stored(item, compact({ ...parsed, deadline: readDate(f, 'Deadline'), locked: readBoolean(f, 'Locked') || undefined }));
}

/**
 * A plan's own schedule for a period. The lock's three columns are written only when the setting
 * says locked or not: what sets a deadline alone (an import) leaves a lock as it is.
 */
export function planPeriodFields(setting: PlanPeriod, planItemId: string): WriteFields {
  const key = planPeriodKey(planItemId, setting.periodKey);
  const lock = setting.locked === undefined ? {} : { Locked: setting.locked, LockedByUpn: setting.lockedByUpn ?? null, LockedAt: writeDateTime(setting.lockedAt) };
  return { Title: key, Key: key, ...writeLookup('Plan', planItemId), Period: setting.periodKey, Deadline: writeDate(setting.deadline), ...lock };
}

export function planPeriodFromItem(item: ListItem): Stored<PlanPeriod> {
  const f = item.fields;
  return stored(
    item,
    compact({ periodKey: readText(f, 'Period') ?? '', deadline: readDate(f, 'Deadline'), locked: readBoolean(f, 'Locked'), lockedByUpn: readText(f, 'LockedByUpn'), lockedAt: readDateTime(f, 'LockedAt') }),
  );
}

// Things of a plan -----------------------------------------------------------------------------

/**
 * Archived (kept for earlier periods' reports) or absent. The writers below never write `Archived`:
 * only archiving sets it, so an import's update leaves an archived thing archived.
 */
function readArchived(f: Fields): true | undefined {
  return readBoolean(f, 'Archived') === true ? true : undefined;
}

interface PlanContext {
  readonly planItemId: string;
  readonly sortOrder: number;
}

export function goalFields(goal: Goal, ctx: PlanContext): WriteFields {
  return {
    ...titleFields(goal.title),
    Key: planItemKey(ctx.planItemId, goal.ref),
    ...writeLookup('Plan', ctx.planItemId),
    Kind: goal.kind,
    Number: goal.number ?? null,
    Perspective: goal.perspective ?? null,
    Origin: goal.origin,
    OwnerUpn: goal.ownerUpn ?? null,
    SortOrder: ctx.sortOrder,
    Description: goal.description ?? null,
    ...givenByFields(goal.givenBy),
    ContributesTo: goal.contributesTo?.ref ?? null,
  };
}

export function goalFromItem(item: ListItem): Stored<Goal> {
  const f = item.fields;
  return stored(
    item,
    compact({
      ref: refOfKey(readText(f, 'Key')),
      kind: readChoice(f, 'Kind', GOAL_KINDS) ?? 'goal',
      number: readText(f, 'Number'),
      title: readTitle(f),
      perspective: readText(f, 'Perspective'),
      origin: readChoice(f, 'Origin', ORIGINS) ?? 'board',
      ownerUpn: readText(f, 'OwnerUpn'),
      description: readText(f, 'Description'),
      givenBy: readGivenBy(f),
      contributesTo: readText(f, 'ContributesTo') !== undefined ? { ref: readText(f, 'ContributesTo') ?? '' } : undefined,
      archived: readArchived(f),
    }),
  );
}

export function indicatorFields(indicator: Indicator, ctx: PlanContext & { goalItemId: string }): WriteFields {
  return {
    ...titleFields(indicator.title),
    Key: planItemKey(ctx.planItemId, indicator.ref),
    ...writeLookup('Plan', ctx.planItemId),
    ...writeLookup('Goal', ctx.goalItemId),
    Unit: indicator.unit ?? null,
    ValueType: indicator.valueType,
    Direction: indicator.direction,
    Target: indicator.target ?? null,
    TargetText: indicator.targetText ?? null,
    TargetKind: indicator.targetKind ?? null,
    TargetMax: indicator.targetMax ?? null,
    TargetOffset: indicator.targetOffset ?? null,
    LongTermTarget: indicator.longTermTarget ?? null,
    LongTermTargetText: indicator.longTermTargetText ?? null,
    Baseline: indicator.baseline ?? null,
    Source: indicator.source ?? null,
    OwnerUpn: indicator.ownerUpn ?? null,
    SortOrder: ctx.sortOrder,
    ...givenByFields(indicator.givenBy),
    RollUp: indicator.rollUp ? rollUpText(indicator.rollUp) : null,
  };
}

export function indicatorFromItem(item: ListItem, goalRefOf: (itemId: string) => string | undefined): Stored<Indicator> {
  const f = item.fields;
  return stored(
    item,
    compact({
      ref: refOfKey(readText(f, 'Key')),
      goalRef: goalRefOf(readLookup(f, 'Goal') ?? '') ?? '',
      title: readTitle(f),
      valueType: readChoice(f, 'ValueType', VALUE_TYPES) ?? 'numeric',
      unit: readText(f, 'Unit'),
      direction: readChoice(f, 'Direction', DIRECTIONS) ?? 'none',
      target: readNumber(f, 'Target'),
      targetText: readText(f, 'TargetText'),
      targetKind: readChoice(f, 'TargetKind', TARGET_KINDS),
      targetMax: readNumber(f, 'TargetMax'),
      targetOffset: readNumber(f, 'TargetOffset'),
      longTermTarget: readNumber(f, 'LongTermTarget'),
      longTermTargetText: readText(f, 'LongTermTargetText'),
      baseline: readNumber(f, 'Baseline'),
      source: readText(f, 'Source'),
      ownerUpn: readText(f, 'OwnerUpn'),
      givenBy: readGivenBy(f),
      rollUp: parseRollUp(readText(f, 'RollUp')),
      archived: readArchived(f),
    }),
  );
}

export function assignmentFields(assignment: Assignment, ctx: PlanContext & { goalItemId?: string | undefined }): WriteFields {
  return {
    ...titleFields(assignment.title),
    Key: planItemKey(ctx.planItemId, assignment.ref),
    ...writeLookup('Plan', ctx.planItemId),
    ...writeLookup('Goal', ctx.goalItemId),
    Number: assignment.number ?? null,
    Origin: assignment.origin,
    OwnerUpn: assignment.ownerUpn ?? null,
    DueDate: writeDate(assignment.dueDate),
    MultiYear: assignment.multiYear ?? null,
    SortOrder: ctx.sortOrder,
    ...givenByFields(assignment.givenBy),
  };
}

export function assignmentFromItem(item: ListItem, goalRefOf: (itemId: string) => string | undefined): Stored<Assignment> {
  const f = item.fields;
  const goalId = readLookup(f, 'Goal');
  return stored(
    item,
    compact({
      ref: refOfKey(readText(f, 'Key')),
      goalRef: goalId ? goalRefOf(goalId) : undefined,
      number: readText(f, 'Number'),
      title: readTitle(f),
      origin: readChoice(f, 'Origin', ORIGINS) ?? 'board',
      ownerUpn: readText(f, 'OwnerUpn'),
      dueDate: readDate(f, 'DueDate'),
      multiYear: readBoolean(f, 'MultiYear'),
      givenBy: readGivenBy(f),
      archived: readArchived(f),
    }),
  );
}

export function riskFields(risk: Risk, ctx: PlanContext): WriteFields {
  return {
    ...titleFields(risk.title),
    Key: planItemKey(ctx.planItemId, risk.ref),
    ...writeLookup('Plan', ctx.planItemId),
    Area: risk.area,
    RegionWide: risk.regionWide ?? null,
    Probability: risk.probability ?? null,
    Consequence: risk.consequence ?? null,
    OwnerUpn: risk.ownerUpn ?? null,
    SortOrder: ctx.sortOrder,
  };
}

export function riskFromItem(item: ListItem): Stored<Risk> {
  const f = item.fields;
  return stored(
    item,
    compact({
      ref: refOfKey(readText(f, 'Key')),
      area: readText(f, 'Area') ?? '',
      title: readTitle(f),
      regionWide: readBoolean(f, 'RegionWide'),
      probability: readNumber(f, 'Probability'),
      consequence: readNumber(f, 'Consequence'),
      ownerUpn: readText(f, 'OwnerUpn'),
      archived: readArchived(f),
    }),
  );
}

export function actionFields(action: Action, ctx: PlanContext & { riskItemId?: string | undefined; goalItemId?: string | undefined }): WriteFields {
  return {
    ...titleFields(action.title),
    Key: planItemKey(ctx.planItemId, action.ref),
    ...writeLookup('Plan', ctx.planItemId),
    ...writeLookup('Risk', ctx.riskItemId),
    ...writeLookup('Goal', ctx.goalItemId),
    RegionWide: action.regionWide ?? null,
    OwnerUpn: action.ownerUpn ?? null,
    DueDate: writeDate(action.dueDate),
    Status: action.status,
    SortOrder: ctx.sortOrder,
  };
}

export interface ActionNotice {
  readonly notifiedLevel?: number;
  readonly notifiedOn?: string;
}

export function actionFromItem(item: ListItem, refOf: (list: 'Risks' | 'Goals', itemId: string) => string | undefined): Stored<Action> & ActionNotice {
  const f = item.fields;
  const riskId = readLookup(f, 'Risk');
  const goalId = readLookup(f, 'Goal');
  return {
    ...stored(
      item,
      compact({
        ref: refOfKey(readText(f, 'Key')),
        riskRef: riskId ? refOf('Risks', riskId) : undefined,
        goalRef: goalId ? refOf('Goals', goalId) : undefined,
        title: readTitle(f),
        regionWide: readBoolean(f, 'RegionWide'),
        ownerUpn: readText(f, 'OwnerUpn'),
        dueDate: readDate(f, 'DueDate'),
        status: readChoice(f, 'Status', ACTION_STATUSES) ?? 'not-started',
        archived: readArchived(f),
      }),
    ),
    ...compact({ notifiedLevel: readNumber(f, 'NotifiedLevel'), notifiedOn: readDate(f, 'NotifiedOn') }),
  };
}

// Follow-up entries ----------------------------------------------------------------------------

export function followUpFields(entry: FollowUpEntry, ctx: { planItemId: string; subjectItemId: string }): WriteFields {
  const key = followUpKey(entry.subjectKind, ctx.subjectItemId, entry.periodKey);
  return {
    Title: key,
    Key: key,
    ...writeLookup('Plan', ctx.planItemId),
    Period: entry.periodKey,
    SubjectKind: entry.subjectKind,
    SubjectId: Number(ctx.subjectItemId),
    Value: entry.value ?? null,
    Level: entry.level ?? null,
    Reference: entry.reference ?? null,
    Assessment: entry.assessment ?? null,
    Trend: entry.trend ?? null,
    Status: entry.status ?? null,
    Comment: entry.comment ?? null,
    ReportedByUpn: entry.reportedByUpn ?? null,
    ReportedAt: writeDateTime(entry.reportedAt),
    State: entry.state ?? null,
    StateByUpn: entry.stateByUpn ?? null,
    StateAt: writeDateTime(entry.stateAt),
    ReturnComment: entry.returnComment ?? null,
  };
}

/** What was reported, as an entry's fields (and a list item version's) hold it. */
export function reportedValues(f: Fields): Pick<FollowUpEntry, 'value' | 'level' | 'reference' | 'assessment' | 'trend' | 'status' | 'comment'> {
  return compact({
    value: readNumber(f, 'Value'),
    level: readChoice(f, 'Level', LEVELS),
    reference: readNumber(f, 'Reference'),
    assessment: readChoice(f, 'Assessment', ASSESSMENTS),
    trend: readChoice(f, 'Trend', TRENDS),
    status: readChoice(f, 'Status', ACTION_STATUSES),
    comment: readText(f, 'Comment'),
  });
}

/** Where an entry (or a version of it) is in the reporting round, who set that and when. */
export function roundValues(f: Fields): Pick<FollowUpEntry, 'state' | 'stateByUpn' | 'stateAt' | 'returnComment'> {
  return compact({
    state: readChoice(f, 'State', ENTRY_STATES),
    stateByUpn: readText(f, 'StateByUpn'),
    stateAt: readDateTime(f, 'StateAt'),
    returnComment: readText(f, 'ReturnComment'),
  });
}

export function followUpFromItem(item: ListItem, refOfSubject: (kind: FollowUpEntry['subjectKind'], itemId: string) => string | undefined): Stored<FollowUpEntry> & { subjectItemId: string } {
  const f = item.fields;
  const subjectKind = readChoice(f, 'SubjectKind', SUBJECT_KINDS) ?? 'indicator';
  const subjectItemId = String(readNumber(f, 'SubjectId') ?? '');
  return {
    ...stored(
      item,
      compact({
        subjectKind,
        subjectRef: refOfSubject(subjectKind, subjectItemId) ?? '',
        periodKey: readText(f, 'Period') ?? '',
        ...reportedValues(f),
        reportedByUpn: readText(f, 'ReportedByUpn'),
        reportedAt: readDateTime(f, 'ReportedAt'),
        ...roundValues(f),
      }),
    ),
    subjectItemId,
  };
}

// Leases and notices (the Körningar list) --------------------------------------------------------

export interface LeaseRecord {
  readonly key: string;
  readonly kind: (typeof LEASE_KINDS)[number];
  /** The run holding it. */
  readonly holder: string;
  /** ISO instant; past it, another run may take the lease over. */
  readonly expiresAt: string;
  readonly state?: (typeof NOTICE_STATES)[number];
}

export function leaseFields(lease: LeaseRecord): WriteFields {
  return { Title: lease.key, Key: lease.key, Kind: lease.kind, Holder: lease.holder, ExpiresAt: writeDateTime(lease.expiresAt), State: lease.state ?? null };
}

export function leaseFromItem(item: ListItem): Stored<LeaseRecord> {
  const f = item.fields;
  return stored(
    item,
    compact({
      key: readText(f, 'Key') ?? '',
      kind: readChoice(f, 'Kind', LEASE_KINDS) ?? 'lease',
      holder: readText(f, 'Holder') ?? '',
      expiresAt: readDateTime(f, 'ExpiresAt') ?? '1970-01-01T00:00:00Z',
      state: readChoice(f, 'State', NOTICE_STATES),
    }),
  );
}
