// The SharePoint list schema of docs/architecture.md as data: provisioning creates it, the mapping
// reads and writes it, and the store queries only the indexed columns it declares.
import {
  ACTION_STATUSES,
  ASSESSMENTS,
  DIRECTIONS,
  ENTRY_STATES,
  GOAL_KINDS,
  LEVELS,
  ORGANISATION_KINDS,
  ORIGINS,
  PERIOD_KINDS,
  PLAN_STATUSES,
  SUBJECT_KINDS,
  TARGET_KINDS,
  TRENDS,
  VALUE_TYPES,
} from '../core';

/** `date` is a date-only column (a calendar day), `dateTime` a date and time (an instant). */
export type ColumnKind = 'text' | 'note' | 'number' | 'boolean' | 'date' | 'dateTime' | 'choice' | 'lookup';

export const LIST_NAMES = ['Organisations', 'Plans', 'Periods', 'PlanPeriods', 'Goals', 'Indicators', 'Assignments', 'Risks', 'Actions', 'FollowUps', 'Leases', 'Delegates'] as const;
export type ListName = (typeof LIST_NAMES)[number];

export interface ColumnSpec {
  /** Internal name (ASCII); what Graph's `fields` use. */
  readonly name: string;
  /** What people see in SharePoint. */
  readonly displayName: string;
  readonly kind: ColumnKind;
  readonly indexed?: boolean;
  /** One item per value; SharePoint requires such a column to be indexed. */
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  readonly lookupList?: ListName;
}

export interface ListSpec {
  readonly name: ListName;
  /** The list's display name (Swedish); provisioning finds lists by it. */
  readonly displayName: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

const text = (name: string, displayName: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, displayName, kind: 'text', ...extra });
const note = (name: string, displayName: string): ColumnSpec => ({ name, displayName, kind: 'note' });
const num = (name: string, displayName: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, displayName, kind: 'number', ...extra });
const bool = (name: string, displayName: string): ColumnSpec => ({ name, displayName, kind: 'boolean' });
const date = (name: string, displayName: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, displayName, kind: 'date', ...extra });
const dateTime = (name: string, displayName: string): ColumnSpec => ({ name, displayName, kind: 'dateTime' });
const choice = (name: string, displayName: string, choices: readonly string[], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, displayName, kind: 'choice', choices, ...extra });
const lookup = (name: string, displayName: string, lookupList: ListName, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, displayName, kind: 'lookup', lookupList, ...extra });
/** Every list but Periods and Organisations names its items `planItemId:ref`, unique: import stays idempotent. */
const key = (displayName = 'Nyckel'): ColumnSpec => text('Key', displayName, { indexed: true, unique: true });
const owner = (): ColumnSpec => text('OwnerUpn', 'Ansvarig (UPN)', { indexed: true });
const plan = (): ColumnSpec => lookup('Plan', 'Verksamhetsplan', 'Plans', { indexed: true });
const sortOrder = (): ColumnSpec => num('SortOrder', 'Ordning');
/** SharePoint's Title holds at most 255 characters; longer titles are kept whole here. */
const fullTitle = (): ColumnSpec => note('FullTitle', 'Fullständig titel');
/**
 * A thing removed from the plan after it was reported on: kept, so earlier periods' reports still
 * show it, but out of the plan from then on. Only plan editing (and import's --prune) sets it.
 */
const archived = (): ColumnSpec => bool('Archived', 'Arkiverad');
/** Who last changed the item in the plan editor, and when: the app writes every item, so SharePoint's own Editor is the app. */
const editedBy = (): ColumnSpec => text('EditedByUpn', 'Ändrad av (UPN)');
const editedAt = (): ColumnSpec => dateTime('EditedAt', 'Ändrad');

/**
 * Regionfullmäktige's (or a parent plan's) thing a plan's goal, styrtal or uppdrag is: the plan's key
 * (`RF:2025`, indexed, so the region view finds every plan's part in one query) and the ref there.
 */
const givenBy = (): ColumnSpec[] => [text('GivenByPlan', 'Given av plan', { indexed: true }), text('GivenByRef', 'Given av (ref)')];

/** A lease (one run of a job at a time) or a notice (one notification between intent and record). */
export const LEASE_KINDS = ['lease', 'notice'] as const;
/** A notice is written `pending` before its send and marked `sent` once Graph took it. */
export const NOTICE_STATES = ['pending', 'sent'] as const;

/** SharePoint's limit for a single line of text. */
export const TEXT_MAX_LENGTH = 255;

export const LISTS: readonly ListSpec[] = [
  {
    name: 'Organisations',
    displayName: 'Organisationer',
    description: 'Nämnder, förvaltningar och staber med chef.',
    columns: [
      text('Code', 'Kod', { indexed: true, unique: true }),
      lookup('Parent', 'Överordnad', 'Organisations'),
      text('ManagerUpn', 'Chef (UPN)'),
      note('ControllerUpns', 'Controller (UPN, semikolonseparerade)'),
      // Region, nämnd, förvaltning, stab or enhet (core/org-tree.ts); empty on organisations from before the tree.
      choice('Kind', 'Typ', ORGANISATION_KINDS),
    ],
  },
  {
    name: 'Plans',
    displayName: 'Verksamhetsplaner',
    description: 'En verksamhetsplan per organisation och år.',
    columns: [
      key(),
      lookup('Organisation', 'Organisation', 'Organisations', { indexed: true }),
      num('Year', 'År', { indexed: true }),
      choice('Status', 'Status', PLAN_STATUSES),
      text('AdoptedByUpn', 'Fastställd av (UPN)'),
      dateTime('AdoptedAt', 'Fastställd'),
      text('ArchivedByUpn', 'Arkiverad av (UPN)'),
      dateTime('ArchivedAt', 'Arkiverad'),
    ],
  },
  {
    name: 'Periods',
    displayName: 'Perioder',
    description: 'Uppföljningsperioder: delår, helår, tertial och månad.',
    columns: [
      text('Key', 'Nyckel', { indexed: true, unique: true }),
      num('Year', 'År', { indexed: true }),
      choice('Kind', 'Typ', PERIOD_KINDS),
      date('Deadline', 'Sista dag'),
      bool('Locked', 'Låst'),
    ],
  },
  {
    // Each plan's own reporting schedule: the period keys are shared, a deadline and a lock are the
    // plan's, so one organisation's import or lock never moves another's. Periods' own Deadline and
    // Locked are read only where a plan has no row of its own (plans imported before this list).
    name: 'PlanPeriods',
    displayName: 'Planperioder',
    description: 'Varje plans sista dag och lås per uppföljningsperiod.',
    columns: [
      key(),
      plan(),
      text('Period', 'Period', { indexed: true }),
      date('Deadline', 'Sista dag'),
      bool('Locked', 'Låst'),
      text('LockedByUpn', 'Låst av (UPN)'),
      dateTime('LockedAt', 'Låst den'),
    ],
  },
  {
    name: 'Goals',
    displayName: 'Mål',
    description: 'Målsättningar, effektmål, mål, målområden och strategier.',
    columns: [
      key(),
      fullTitle(),
      plan(),
      choice('Kind', 'Typ', GOAL_KINDS),
      text('Number', 'Nummer'),
      text('Perspective', 'Perspektiv'),
      choice('Origin', 'Ursprung', ORIGINS),
      owner(),
      sortOrder(),
      archived(),
      editedBy(),
      editedAt(),
      note('Description', 'Beskrivning'),
      ...givenBy(),
      // The ref of the parent organisation's goal (same year) this goal contributes to.
      text('ContributesTo', 'Bidrar till (ref)'),
    ],
  },
  {
    name: 'Indicators',
    displayName: 'Styrtal',
    description: 'Styrtal och indikatorer med målvärden.',
    columns: [
      key(),
      fullTitle(),
      plan(),
      lookup('Goal', 'Mål', 'Goals', { indexed: true }),
      text('Unit', 'Enhet'),
      choice('ValueType', 'Värdetyp', VALUE_TYPES),
      choice('Direction', 'Riktning', DIRECTIONS),
      num('Target', 'Årets målvärde'),
      text('TargetText', 'Årets målvärde (text)'),
      choice('TargetKind', 'Målvärdestyp', TARGET_KINDS),
      num('TargetMax', 'Målvärdets övre gräns eller antal platser'),
      num('TargetOffset', 'Avstånd till referensvärdet'),
      num('LongTermTarget', 'Långsiktigt målvärde'),
      text('LongTermTargetText', 'Långsiktigt målvärde (text)'),
      num('Baseline', 'Utgångsvärde'),
      text('Source', 'Källa'),
      owner(),
      sortOrder(),
      archived(),
      editedBy(),
      editedAt(),
      ...givenBy(),
      // sum, average, none or weighted:<ref> (core/roll-up.ts rollUpText).
      text('RollUp', 'Summering'),
    ],
  },
  {
    name: 'Assignments',
    displayName: 'Uppdrag',
    description: 'Uppdrag från regionfullmäktige och nämndens egna.',
    columns: [
      key(),
      fullTitle(),
      plan(),
      lookup('Goal', 'Mål', 'Goals'),
      text('Number', 'Nummer'),
      choice('Origin', 'Ursprung', ORIGINS),
      owner(),
      date('DueDate', 'Slutdatum'),
      bool('MultiYear', 'Flerårigt'),
      sortOrder(),
      archived(),
      editedBy(),
      editedAt(),
      // The notify job's record, as on Actions: an overdue uppdrag's owner (1) or manager (2) told on that day.
      num('NotifiedLevel', 'Aviserad nivå'),
      date('NotifiedOn', 'Aviserad'),
      ...givenBy(),
    ],
  },
  {
    name: 'Risks',
    displayName: 'Risker',
    description: 'Internkontrollplanens risker.',
    columns: [
      key(),
      fullTitle(),
      plan(),
      text('Area', 'Område'),
      bool('RegionWide', 'Regionövergripande'),
      num('Probability', 'Sannolikhet'),
      num('Consequence', 'Konsekvens'),
      owner(),
      sortOrder(),
      archived(),
      editedBy(),
      editedAt(),
    ],
  },
  {
    name: 'Actions',
    displayName: 'Åtgärder',
    description: 'Åtgärder i internkontrollplanen och aktiviteter under mål.',
    columns: [
      key(),
      fullTitle(),
      plan(),
      lookup('Risk', 'Risk', 'Risks', { indexed: true }),
      lookup('Goal', 'Mål', 'Goals'),
      bool('RegionWide', 'Regionövergripande'),
      owner(),
      date('DueDate', 'Slutdatum', { indexed: true }),
      choice('Status', 'Status', ACTION_STATUSES, { indexed: true }),
      num('NotifiedLevel', 'Aviserad nivå'),
      date('NotifiedOn', 'Aviserad'),
      sortOrder(),
      archived(),
      editedBy(),
      editedAt(),
    ],
  },
  {
    name: 'FollowUps',
    displayName: 'Uppföljningar',
    description: 'En uppföljning per sak och period: utfall, bedömning, trend och kommentar.',
    columns: [
      text('Key', 'Nyckel', { indexed: true, unique: true }),
      plan(),
      text('Period', 'Period', { indexed: true }),
      choice('SubjectKind', 'Avser', SUBJECT_KINDS),
      num('SubjectId', 'Avser id', { indexed: true }),
      num('Value', 'Utfall'),
      choice('Level', 'Nivå', LEVELS),
      num('Reference', 'Referensvärde'),
      choice('Assessment', 'Bedömning', ASSESSMENTS),
      choice('Trend', 'Trend', TRENDS),
      choice('Status', 'Status', ACTION_STATUSES),
      note('Comment', 'Kommentar'),
      text('ReportedByUpn', 'Rapporterad av (UPN)'),
      // When it was reported, to the second: a date-only column would keep the day alone.
      dateTime('ReportedAt', 'Rapporterad'),
      // The reporting round (src/core/round.ts): indexed, so a period's unfinished entries can be asked for.
      choice('State', 'Läge', ENTRY_STATES, { indexed: true }),
      text('StateByUpn', 'Läge satt av (UPN)'),
      dateTime('StateAt', 'Läge satt'),
      note('ReturnComment', 'Kommentar vid återremiss'),
    ],
  },
  {
    // One item per job that runs (`notify`, `import:RS:2025`) while it runs, and per notification on
    // its way (`notice:2026-01-05:upn`): the unique Key is what lets only one of several runs in.
    name: 'Leases',
    displayName: 'Körningar',
    description: 'Pågående körningar av jobb och importer, med utgångstid, och aviseringar på väg.',
    columns: [
      text('Key', 'Nyckel', { indexed: true, unique: true }),
      choice('Kind', 'Typ', LEASE_KINDS),
      text('Holder', 'Körning'),
      dateTime('ExpiresAt', 'Gäller till'),
      choice('State', 'Läge', NOTICE_STATES),
    ],
  },
  {
    // Whom an owner lets report for them (core/write-rights.ts): one item per owner and delegate.
    name: 'Delegates',
    displayName: 'Ombud',
    description: 'Personer som en ägare har låtit rapportera åt sig.',
    columns: [
      text('Key', 'Nyckel', { indexed: true, unique: true }),
      text('OwnerUpn', 'Ägare (UPN)', { indexed: true }),
      text('DelegateUpn', 'Ombud (UPN)', { indexed: true }),
    ],
  },
];

/** A delegation's unique key: the two UPNs, lower case (UPNs compare without regard to case). */
export function delegationKey(ownerUpn: string, delegateUpn: string): string {
  return `${ownerUpn.trim().toLowerCase()}>${delegateUpn.trim().toLowerCase()}`;
}

export function listSpec(name: ListName): ListSpec {
  const spec = LISTS.find((l) => l.name === name);
  if (!spec) throw new Error(`Okänd lista ${name}`);
  return spec;
}

/** The unique key of a follow-up entry: one per thing and period. */
export function followUpKey(subjectKind: string, subjectItemId: string | number, periodKey: string): string {
  return `${subjectKind}:${subjectItemId}:${periodKey}`;
}

/** The unique key of a plan's own schedule for one period: `planItemId:periodKey`. */
export function planPeriodKey(planItemId: string | number, periodKey: string): string {
  return `${planItemId}:${periodKey}`;
}

/** The unique key of a thing of a plan: `planItemId:ref`. */
export function planItemKey(planItemId: string | number, ref: string): string {
  return `${planItemId}:${ref}`;
}

export { planKey } from '../core';

/**
 * The fields a read asks for (`$expand=fields($select=…)`): the list's own columns, lookups by
 * their `…LookupId`, and Title. Everything the mapping reads, and nothing more.
 */
export function fieldsRead(name: ListName): readonly string[] {
  return ['Title', ...listSpec(name).columns.map((c) => (c.kind === 'lookup' ? `${c.name}LookupId` : c.name))];
}
