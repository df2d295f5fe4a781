// The report as data: sections of tables with typed columns, rows and cells. Both Excel writers
// (exceljs for the command line, office-js for the add-in) render exactly this, so anything a
// writer needs to decide (format, width, colour, what write-back sends) is stated here, never
// re-derived from the domain model.
import type {
  Action,
  Assessment,
  Assignment,
  FollowUpEntry,
  Goal,
  Indicator,
  PlanContents,
  Risk,
  SubjectKind,
} from '../core';

// Inputs --------------------------------------------------------------------------------------

/** Where a thing or an entry lives in the lists; absent for a plan read from an exchange document. */
export interface ItemRef {
  readonly itemId?: string;
  readonly eTag?: string;
}

/** A plan as the report reads it: `PlanContents`, optionally with item ids (a store `LoadedPlan` fits). */
export interface ReportPlan extends PlanContents {
  readonly goals: ReadonlyArray<Goal & ItemRef>;
  readonly indicators: ReadonlyArray<Indicator & ItemRef>;
  readonly assignments: ReadonlyArray<Assignment & ItemRef>;
  readonly risks: ReadonlyArray<Risk & ItemRef>;
  readonly actions: ReadonlyArray<Action & ItemRef>;
}

/** An entry as the report reads it: with the list item's id and eTag when it came from the store. */
export type ReportEntry = FollowUpEntry & ItemRef;

export interface ReportOptions {
  /**
   * Which periods the Data section holds. 'report' (default): the report period (a row for every
   * thing, reported or not, so write-back can create entries) and the comparison period's entries;
   * 'all': additionally every other period that has entries.
   */
  readonly dataPeriods?: 'report' | 'all';
  /**
   * What the organisation's plan of the year before reported, under the same refs (the loaded
   * plan's `previousYearEntries`): the comparison period is looked up there when this plan has no
   * entry then. They feed the suggested trends only, never the Data table, because their list
   * items belong to the other plan and must not be written back through this one.
   */
  readonly previousYearEntries?: readonly FollowUpEntry[];
  /** Goal kinds the reports assess: they get a summary row and an assessment (default: core's ASSESSED_GOAL_KINDS). */
  readonly goalKinds?: readonly Goal['kind'][];
  /** Adds the sheet Uppföljningsläge (the reporting round's counts and items) after Data. */
  readonly roundOverview?: boolean;
}

// Columns and cells ---------------------------------------------------------------------------

/**
 * How a column's cells are typed. 'number' and 'percent' cells hold numbers (a percent as written,
 * 74 for "74 %", not 0.74); 'symbol' cells hold a vocabulary code shown as its symbol; 'date' cells
 * hold calendar days as ISO text (YYYY-MM-DD), which the writers turn into Excel dates; 'text'
 * cells hold text (which may still be a number-like target such as ">78", written verbatim).
 */
export type ColumnType = 'text' | 'number' | 'percent' | 'symbol' | 'date';

/** Cells a user may edit in the Data table and send back. */
export type EditableField = 'value' | 'assessment' | 'comment';

export interface ReportColumn {
  /** Stable key of the column, used in `ReportRow.cells` (ASCII camelCase). */
  readonly key: string;
  /** Swedish header as printed ("Utfall", "Årets målvärde"). */
  readonly header: string;
  readonly type: ColumnType;
  /**
   * The column's Excel number format code, in the file's invariant syntax (`#,##0` with comma and
   * dot, as both xlsx files and office-js `Range.numberFormat` take it): Excel with sv-SE regional
   * settings shows it as "1 545" and "5,8". A cell's own `numberFormat` overrides it (a styrtal
   * table mixes "st", "%" and "dagar"). '@' marks a text column, so typed input stays text.
   */
  readonly numberFormat: string;
  /** Width in characters (Excel's column width unit). */
  readonly width: number;
  /** Wrap long text (titles, comments) so the table prints within the page width. */
  readonly wrap: boolean;
  readonly align?: 'left' | 'center' | 'right';
  /** Set on the Data table's Utfall, Bedömning and Kommentar columns: what write-back reads. */
  readonly editable?: EditableField;
  /**
   * A technical column (item ids, eTag, the period's key): written because write-back needs it,
   * hidden on screen and on paper.
   */
  readonly hidden?: boolean;
}

/** Which vocabulary a status cell's code belongs to. */
export type StatusVocabulary = 'goal-assessment' | 'assignment-assessment' | 'level' | 'trend' | 'action-status';

/** A status, assessment or trend as shown: its code, the symbol printed, the Swedish label and colour. */
export interface StatusMark {
  readonly vocabulary: StatusVocabulary;
  readonly code: string;
  readonly symbol: string;
  /** Swedish label ("Har genomförts"); for a screen reader, a tooltip or a legend. */
  readonly label: string;
  /** Colour of the symbol as #RRGGBB; absent where the reports print it black (trend arrows). */
  readonly colour?: string;
  /** True when nobody reported it and the report shows the rule's suggestion (suggestAssessment/suggestTrend). */
  readonly suggested?: boolean;
}

/** A cell's typed value: a number, a text, or nothing. */
export type CellValue = number | string | null;

export interface ReportCell {
  /** The typed value (74 for "74 %", the code 'achieved' for "●", the ISO date for a date). */
  readonly value: CellValue;
  /** The text the printed reports show ("74 %", ">78", "●"); the writers write this when `value` is not a number. */
  readonly text: string;
  /** Overrides the column's number format for this cell (a number with its unit: `0" %"`, `#,##0" st"`). */
  readonly numberFormat?: string;
  readonly status?: StatusMark;
}

/**
 * How a row is shown. 'header': a heading row inside a table (an area of the internal-control
 * plan, a goal heading); 'item': an ordinary row; 'comment': the comment under the row above it,
 * its text in the row's title cell (Styrtal: 'indicator', Uppdrag: 'title'), to be wrapped and
 * may be merged across the row by a writer; 'subtotal' and 'total': sums.
 */
export type RowStyle = 'header' | 'item' | 'comment' | 'subtotal' | 'total';

/** What a row is about: for navigation and for refreshing one row. */
export interface RowSubject {
  readonly kind: SubjectKind | 'risk';
  readonly ref: string;
}

export interface ReportRow {
  readonly style: RowStyle;
  /** Cells by column key; a missing key is an empty cell. */
  readonly cells: Readonly<Record<string, ReportCell>>;
  readonly subject?: RowSubject;
}

/**
 * What write-back needs for one Data row: which thing and period, the entry's list item and the
 * eTag it was read with (absent when nothing has been reported yet: saving creates the entry), and
 * the editable values as read, so a writer can tell which cells the user changed.
 */
export interface DataRowWriteBack {
  readonly subjectKind: SubjectKind;
  readonly subjectRef: string;
  /** List item id of the goal, indicator, assignment or action (absent for a plan from a document). */
  readonly subjectItemId?: string;
  readonly periodKey: string;
  /** List item id of the FollowUps entry, if one exists. */
  readonly entryItemId?: string;
  readonly eTag?: string;
  /** Values as read: Utfall (number, or a level code for qualitative styrtal), Bedömning (code), Kommentar. */
  readonly original: {
    readonly value: CellValue;
    readonly assessment: Assessment | null;
    readonly comment: string | null;
  };
  /** Which of the editable fields apply to this subject (an action has no Utfall or Bedömning). */
  readonly editable: readonly EditableField[];
}

export interface DataRow extends ReportRow {
  readonly style: 'item';
  readonly subject: RowSubject & { readonly kind: SubjectKind };
  readonly writeBack: DataRowWriteBack;
}

export interface ReportTable {
  /**
   * Stable id, also the Excel table name: starts with a letter, only letters, digits and "_",
   * at most 255 characters, unique in the report ("Sammanfattning", "Styrtal_g1", "Data").
   */
  readonly id: string;
  /** Swedish caption printed above the table ("Styrtal, målsättning nr 1"). */
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
}

export interface DataTable extends ReportTable {
  readonly rows: readonly DataRow[];
}

/** A paragraph printed before the tables (a goal's heading text, its assessment and comment). */
export interface ReportParagraph {
  readonly style: 'heading' | 'text' | 'assessment';
  readonly text: string;
  readonly status?: StatusMark;
}

export type SectionKind = 'summary' | 'goal' | 'internal-control' | 'data' | 'round';

interface SectionBase {
  /** Stable id: 'sammanfattning', 'mal-g1', 'internkontroll', 'data'. Refresh finds a section by it. */
  readonly id: string;
  /** Swedish title ("Sammanfattning uppföljning av målsättningar och uppdrag", "Målsättning nr 1"); also the basis of a sheet name. */
  readonly title: string;
  /** Short name for a worksheet tab: at most 31 characters, none of : \ / ? * [ ]. */
  readonly sheetName: string;
  readonly paragraphs: readonly ReportParagraph[];
}

export interface SummarySection extends SectionBase {
  readonly kind: 'summary';
  readonly tables: readonly [ReportTable];
}

export interface GoalSection extends SectionBase {
  readonly kind: 'goal';
  readonly goalRef: string;
  /**
   * The goal's own assessment (its entry's, else not assessed), shown in the paragraphs too;
   * absent for kinds the reports do not assess (målområden, strategier).
   */
  readonly assessment?: StatusMark;
  /** The styrtal table and the uppdrag table, each left out when the goal has none. */
  readonly tables: readonly ReportTable[];
}

export interface InternalControlSection extends SectionBase {
  readonly kind: 'internal-control';
  readonly tables: readonly [ReportTable];
}

export interface DataSection extends SectionBase {
  readonly kind: 'data';
  readonly tables: readonly [DataTable];
}

/** Uppföljningsläge: the reporting round's counts and items (report/round-section.ts). */
export interface RoundSection extends SectionBase {
  readonly kind: 'round';
  readonly tables: readonly ReportTable[];
}

export type ReportSection = SummarySection | GoalSection | InternalControlSection | DataSection | RoundSection;

export interface Report {
  /** `ORG:YEAR`, the store's plan key ("RS:2025"). */
  readonly planKey: string;
  readonly planTitle: string;
  readonly organisationName: string;
  readonly periodKey: string;
  /** "Helår 2025". */
  readonly periodLabel: string;
  /** The period trends compare with (same period a year earlier), if any entries of it were given. */
  readonly comparisonPeriodKey?: string;
  readonly sections: readonly ReportSection[];
}
