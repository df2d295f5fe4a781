// Every code of the domain with its Swedish label, English label and the symbol the reports print.

export interface VocabularyEntry<C extends string> {
  readonly code: C;
  readonly sv: string;
  readonly en: string;
  readonly symbol: string;
}

export type Vocabulary<C extends string> = Readonly<Record<C, VocabularyEntry<C>>>;

function vocabulary<C extends string>(entries: ReadonlyArray<VocabularyEntry<C>>): Vocabulary<C> {
  return Object.freeze(Object.fromEntries(entries.map((e) => [e.code, Object.freeze(e)]))) as Vocabulary<C>;
}

export const ASSESSMENTS = ['achieved', 'partly', 'not-achieved', 'not-assessed'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** Assessment of goals (måluppfyllelse). */
export const GOAL_ASSESSMENT = vocabulary<Assessment>([
  { code: 'achieved', sv: 'Uppnått eller överträffat målnivån', en: 'Achieved or exceeded the target', symbol: '●' },
  { code: 'partly', sv: 'Mindre, acceptabel avvikelse / delvis uppnått', en: 'Minor, acceptable deviation / partly achieved', symbol: '◆' },
  { code: 'not-achieved', sv: 'Större negativ avvikelse / har inte uppnåtts', en: 'Major negative deviation / not achieved', symbol: '■' },
  { code: 'not-assessed', sv: 'Kan ej bedömas', en: 'Cannot be assessed', symbol: '—' },
]);

/** Assessment of assignments (uppdrag). */
export const ASSIGNMENT_ASSESSMENT = vocabulary<Assessment>([
  { code: 'achieved', sv: 'Har genomförts', en: 'Carried out', symbol: '●' },
  { code: 'partly', sv: 'Har delvis genomförts', en: 'Partly carried out', symbol: '◆' },
  { code: 'not-achieved', sv: 'Har inte genomförts', en: 'Not carried out', symbol: '■' },
  { code: 'not-assessed', sv: 'Kan ej bedömas', en: 'Cannot be assessed', symbol: '—' },
]);

/** The colour each assessment is shown in (reports: grön, gul, röd, grå). */
export const ASSESSMENT_COLOUR: Readonly<Record<Assessment, { sv: string; en: string; hex: string }>> = {
  achieved: { sv: 'grön', en: 'green', hex: '#2E7D32' },
  partly: { sv: 'gul', en: 'yellow', hex: '#F9A825' },
  'not-achieved': { sv: 'röd', en: 'red', hex: '#C62828' },
  'not-assessed': { sv: 'grå', en: 'grey', hex: '#757575' },
};

export const LEVELS = ['full', 'partial', 'none', 'missing'] as const;
export type Level = (typeof LEVELS)[number];

/** Qualitative indicator outcome (status för perioden). */
export const LEVEL = vocabulary<Level>([
  { code: 'full', sv: 'Helt', en: 'Fully', symbol: '●' },
  { code: 'partial', sv: 'Delvis', en: 'Partly', symbol: '◆' },
  { code: 'none', sv: 'Inte alls', en: 'Not at all', symbol: '■' },
  { code: 'missing', sv: 'Värde saknas', en: 'Value missing', symbol: '—' },
]);

export const TRENDS = ['improved', 'unchanged', 'worsened'] as const;
export type Trend = (typeof TRENDS)[number];

/** Trend (förändringspil). */
export const TREND = vocabulary<Trend>([
  { code: 'improved', sv: 'Förbättrat', en: 'Improved', symbol: '↑' },
  { code: 'unchanged', sv: 'Oförändrat', en: 'Unchanged', symbol: '→' },
  { code: 'worsened', sv: 'Försämrat', en: 'Worsened', symbol: '↓' },
]);

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'done-with-deviation', 'deviation', 'not-done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Status of actions (åtgärder) and activities (aktiviteter). */
export const ACTION_STATUS = vocabulary<ActionStatus>([
  { code: 'not-started', sv: 'Ej startad', en: 'Not started', symbol: '—' },
  { code: 'in-progress', sv: 'Pågående', en: 'In progress', symbol: '▶' },
  { code: 'done', sv: 'Avslutad', en: 'Done', symbol: '✓' },
  { code: 'done-with-deviation', sv: 'Avslutad med avvikelse', en: 'Done with deviation', symbol: '✓!' },
  { code: 'deviation', sv: 'Avvikelse', en: 'Deviation', symbol: '!' },
  { code: 'not-done', sv: 'Ej genomförd', en: 'Not done', symbol: '' },
]);

export const GOAL_KINDS = ['objective', 'effect-goal', 'goal', 'focus-area', 'strategy'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const GOAL_KIND = vocabulary<GoalKind>([
  { code: 'objective', sv: 'Målsättning', en: 'Objective', symbol: '' },
  { code: 'effect-goal', sv: 'Effektmål', en: 'Effect goal', symbol: '' },
  { code: 'goal', sv: 'Mål', en: 'Goal', symbol: '' },
  { code: 'focus-area', sv: 'Målområde', en: 'Focus area', symbol: '' },
  { code: 'strategy', sv: 'Strategi', en: 'Strategy', symbol: '' },
]);

/** Plural Swedish labels, as the summary table's rows name them. */
export const GOAL_KIND_PLURAL_SV: Readonly<Record<GoalKind, string>> = {
  objective: 'Målsättningar',
  'effect-goal': 'Effektmål',
  goal: 'Mål',
  'focus-area': 'Målområden',
  strategy: 'Strategier',
};

export const ORIGINS = ['council', 'board'] as const;
export type Origin = (typeof ORIGINS)[number];

export const ORIGIN = vocabulary<Origin>([
  { code: 'council', sv: 'Regionfullmäktige', en: 'Regional council', symbol: 'RF' },
  { code: 'board', sv: 'Nämndens egna', en: "The board's own", symbol: '' },
]);

export const VALUE_TYPES = ['numeric', 'qualitative'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const DIRECTIONS = ['increase', 'decrease', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION = vocabulary<Direction>([
  { code: 'increase', sv: 'Högre är bättre', en: 'Higher is better', symbol: '↗' },
  { code: 'decrease', sv: 'Lägre är bättre', en: 'Lower is better', symbol: '↘' },
  { code: 'none', sv: 'Ingen riktning', en: 'No direction', symbol: '' },
]);

export const PLAN_STATUSES = ['draft', 'adopted', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS = vocabulary<PlanStatus>([
  { code: 'draft', sv: 'Utkast', en: 'Draft', symbol: '' },
  { code: 'adopted', sv: 'Fastställd', en: 'Adopted', symbol: '' },
  { code: 'archived', sv: 'Arkiverad', en: 'Archived', symbol: '' },
]);

export const PERIOD_KINDS = ['interim', 'annual', 'tertial', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const SUBJECT_KINDS = ['goal', 'indicator', 'assignment', 'action'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** The reporting round's stored states of an entry: saved, marked klar, approved, sent back. */
export const ENTRY_STATES = ['draft', 'done', 'approved', 'returned'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** An item's state in a period; `not-started` is having no entry (or an empty one). */
export const ITEM_STATES = ['not-started', ...ENTRY_STATES] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** The reporting round (ej påbörjad → utkast → klar → godkänd, or återremitterad). */
export const ITEM_STATE = vocabulary<ItemState>([
  { code: 'not-started', sv: 'Ej påbörjad', en: 'Not started', symbol: '○' },
  { code: 'draft', sv: 'Utkast', en: 'Draft', symbol: '◐' },
  { code: 'done', sv: 'Klar', en: 'Done', symbol: '●' },
  { code: 'approved', sv: 'Godkänd', en: 'Approved', symbol: '✓' },
  { code: 'returned', sv: 'Återremitterad', en: 'Sent back', symbol: '↩' },
]);

/** Units the reports use; free text is allowed besides these. */
export const KNOWN_UNITS = ['st', '%', 'index', 'mnkr', 'kr', 'dagar'] as const;

export function isCode<C extends string>(codes: readonly C[], value: unknown): value is C {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}

/** An organisation's place in the region's tree: region → nämnder → förvaltningar → staber or enheter. */
export const ORGANISATION_KINDS = ['region', 'board', 'administration', 'staff', 'unit'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND = vocabulary<OrganisationKind>([
  { code: 'region', sv: 'Region', en: 'Region', symbol: '' },
  { code: 'board', sv: 'Nämnd', en: 'Board', symbol: '' },
  { code: 'administration', sv: 'Förvaltning', en: 'Administration', symbol: '' },
  { code: 'staff', sv: 'Stab', en: 'Staff unit', symbol: '' },
  { code: 'unit', sv: 'Enhet', en: 'Unit', symbol: '' },
]);

/** How a numeric styrtal's children's outcomes roll up to it (src/core/roll-up.ts). */
export const ROLL_UP_METHODS = ['sum', 'average', 'weighted', 'none'] as const;
export type RollUpMethod = (typeof ROLL_UP_METHODS)[number];

export const ROLL_UP_METHOD = vocabulary<RollUpMethod>([
  { code: 'sum', sv: 'Summa', en: 'Sum', symbol: 'Σ' },
  { code: 'average', sv: 'Medelvärde', en: 'Average', symbol: 'x̄' },
  { code: 'weighted', sv: 'Vägt medelvärde', en: 'Weighted average', symbol: 'x̄w' },
  { code: 'none', sv: 'Summeras inte', en: 'Does not roll up', symbol: '' },
]);

/** What an indicator's target means (src/core/targets.ts reads and prints each). */
export const TARGET_KINDS = ['at-least', 'at-most', 'more-than', 'less-than', 'range', 'rank', 'previous-year', 'reference'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
