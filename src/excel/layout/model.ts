// The placement of one report section on its worksheet, as plain data both Excel writers place
// from: the office-js writer (add-in) turns it into a few batched calls, the exceljs writer
// (command line) into cells of a file. Positions are 0-based sheet rows and columns from A1.
// Text is given as it reads; each writer keeps it inert in its own way (office-js: the quote
// prefix, exceljs: a string-typed cell), and text cells carry the '@' format in both.

/** A cell's value: a number, or text ('' is an empty cell). Never a formula. */
export type ExcelValue = string | number;

/** The number format of text: what a user types into such a cell stays text. */
export const TEXT_FORMAT = '@';

export type HorizontalAlignment = 'left' | 'center' | 'right';

/** Formatting laid over a block; what is absent is left as the host has it. */
export interface CellFormat {
  readonly font?: { readonly bold?: boolean; readonly italic?: boolean; readonly size?: number; readonly colour?: string };
  /** Background as #RRGGBB. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: HorizontalAlignment;
  readonly vertical?: 'top' | 'bottom';
}

/** A rectangle of cells. */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Blocks are formatted in order: a later block overrides what an earlier one set. */
export type FormatBlock = CellBlock & { readonly format: CellFormat };

/** A cell of the block whose text is exactly `text` is shown in `colour` (status symbols). */
export type ColourRule = CellBlock & { readonly text: string; readonly colour: string };

/** An explicit height in points for a row whose wrapped text needs more than one line. */
export type RowHeight = { readonly row: number; readonly height: number };

/** A paragraph or a table caption: text in column A, merged across `span` columns when more than one. */
export interface TextLine {
  readonly row: number;
  readonly text: string;
  readonly kind: 'heading' | 'text' | 'assessment' | 'caption';
  readonly span: number;
  readonly format: CellFormat;
  /** Estimated from the text's length: a merged row cannot be autofitted. */
  readonly height?: number;
}

export interface TableLayout {
  /** The report's table id: the Excel table name unless the workbook already uses it elsewhere. */
  readonly id: string;
  readonly headerRow: number;
  readonly headers: readonly string[];
  /**
   * Body values and number formats, one row per report row, and one empty row for an empty
   * report table: an Excel table has a body row at least (a header-only table is a broken file).
   */
  readonly values: readonly (readonly ExcelValue[])[];
  readonly numberFormats: readonly (readonly string[])[];
  readonly formats: readonly FormatBlock[];
  readonly colourRules: readonly ColourRule[];
  /** Estimated heights of header and body rows, for hosts that cannot autofit rows. */
  readonly rowHeights: readonly RowHeight[];
}

/** Left, centre and right part of a page header or footer, in Excel's header codes (&P page, &N pages, &A sheet; "&&" is a literal "&"). */
export interface HeaderFooterParts {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

export interface PrintSetup {
  readonly paper: 'A4';
  /** One page wide, as many pages tall as it takes. */
  readonly fitToWidth: true;
  /** The sheet row printed at the top of every page: the header of the sheet's only table. */
  readonly titleRow?: number;
  readonly header: HeaderFooterParts;
  readonly footer: HeaderFooterParts;
}

export interface SectionLayout {
  readonly sectionId: string;
  readonly sheetName: string;
  readonly orientation: 'portrait' | 'landscape';
  /** Rows kept in view while scrolling (a table that starts at A1 keeps its header). */
  readonly frozenRows: number;
  /** In characters, Excel's column width unit. */
  readonly columnWidths: readonly number[];
  /** Sheet columns (0-based) that hold only technical columns (ids, eTag): hidden on screen and paper. */
  readonly hiddenColumns: readonly number[];
  readonly print: PrintSetup;
  readonly lines: readonly TextLine[];
  readonly tables: readonly TableLayout[];
  /** Rows and columns the section occupies from A1: what a rewrite clears first. */
  readonly rowCount: number;
  readonly columnCount: number;
}
