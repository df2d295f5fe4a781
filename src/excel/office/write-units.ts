/// <reference types="office-js" />
// What one piece of a section's writing queues on the request context, and how many bytes it adds
// to the request: preparing the sheet (clearing, widths, paragraphs), a chunk of table body values,
// the Excel table with its formats, a setting. The layout says what goes where; these only say it
// to office-js.
import type { CellFormat, ExcelValue, SectionLayout, TableLayout } from '../layout';
import { TABLE_STYLE, TEXT_FORMAT } from '../layout';
import { bodyChunkBudget } from './batching';
import type { SizedUnit } from './batching';
import { blockAddress, charactersToPoints, columnsAddress } from './excel-units';
import { inertText } from './inert-text';
import { applyPrintSetup, hiddenColumnsBytes, hideColumns, printSetupBytes } from './page-layout';
import { chunkRows, OPERATION_BYTES, rowBytes, utf8Length } from './payload';
import { applyFormat } from './range-format';
import type { NamedSection } from './sheet-naming';
import type { WorkbookState } from './workbook-state';
import { nameKey } from './workbook-state';

export interface WriteUnit extends SizedUnit {
  readonly apply: (context: Excel.RequestContext) => void;
}

export interface PlacedSection extends NamedSection {
  readonly layout: SectionLayout;
}

/** range.values behaves like typing: text that would be read as a formula gets the quote prefix. */
function inertRow(row: readonly ExcelValue[]): ExcelValue[] {
  return row.map((v) => (typeof v === 'string' ? inertText(v) : v));
}

/** Excel's formula string literal: quotes doubled. */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The range write and one operation per property the format states. */
function formatBytes(format: CellFormat): number {
  const stated = Object.keys(format).length + Object.keys(format.font ?? {}).length;
  return OPERATION_BYTES * (1 + stated);
}

export function settingUnit(section: number, key: string, value: string): WriteUnit {
  return {
    section,
    bytes: OPERATION_BYTES + utf8Length(value),
    apply: (context) => {
      context.workbook.settings.add(key, value);
    },
  };
}

/** What the host can do beyond the manifest's ExcelApi 1.4. */
export interface HostCapabilities {
  /** Conditional formats (ExcelApi 1.6). */
  readonly colours: boolean;
  /** `worksheet.pageLayout` (ExcelApi 1.9). */
  readonly pageLayout: boolean;
}

/**
 * Clears what the section wrote before, creates the sheet if needed, sets column widths (hiding
 * the technical ones), the print setup where the host has it, and the text lines.
 */
function prepareUnit(index: number, p: PlacedSection, state: WorkbookState, capabilities: HostCapabilities): WriteUnit {
  const { layout } = p;
  const { colours } = capabilities;
  const lineBytes = layout.lines.reduce((sum, l) => sum + OPERATION_BYTES * 2 + formatBytes(l.format) + utf8Length(l.text), 0);
  const pageBytes = hiddenColumnsBytes(layout) + (capabilities.pageLayout ? printSetupBytes(layout) : 0);
  return {
    section: index,
    bytes: OPERATION_BYTES * (4 + layout.columnWidths.length) + lineBytes + pageBytes,
    apply: (context) => {
      const workbook = context.workbook;
      for (const name of p.previous?.tables.map((t) => t.name) ?? []) {
        if (state.tableNames.has(nameKey(name))) workbook.tables.getItem(name).delete();
      }
      const sheet = p.sheetExists ? workbook.worksheets.getItem(layout.sheetName) : workbook.worksheets.add(layout.sheetName);
      if (p.sheetExists) {
        // Only the block this section wrote before (or will write now): the user's notes beside it stay.
        const rows = Math.max(layout.rowCount, p.previous?.rowCount ?? 0);
        const columns = Math.max(layout.columnCount, p.previous?.columnCount ?? 0);
        const old = sheet.getRange(blockAddress(0, 0, rows, columns));
        old.unmerge();
        if (colours) old.conditionalFormats.clearAll();
        old.clear('All');
      }
      layout.columnWidths.forEach((width, c) => {
        sheet.getRange(columnsAddress(c, 1)).format.columnWidth = charactersToPoints(width);
      });
      hideColumns(sheet, layout);
      if (capabilities.pageLayout) applyPrintSetup(sheet, layout);
      for (const line of layout.lines) {
        const span = sheet.getRange(blockAddress(line.row, 0, 1, line.span));
        const cell = line.span > 1 ? sheet.getRange(blockAddress(line.row, 0, 1, 1)) : span;
        if (line.span > 1) span.merge(false);
        cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[inertText(line.text)]];
        applyFormat(span.format, line.format);
        if (line.height !== undefined) span.format.rowHeight = line.height;
      }
    },
  };
}

/** Body values in chunks that each fit a batch: number formats first, so text lands in '@' cells. */
function bodyUnits(index: number, sheetName: string, table: TableLayout, chunkBudget: number): WriteUnit[] {
  const values = table.values.map(inertRow);
  const width = table.headers.length;
  const firstBody = table.headerRow + 1;
  return chunkRows(values, table.numberFormats, chunkBudget).map((chunk) => ({
    section: index,
    bytes: OPERATION_BYTES * 2 + chunk.bytes,
    apply: (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRange(blockAddress(firstBody + chunk.first, 0, chunk.count, width));
      range.numberFormat = table.numberFormats.slice(chunk.first, chunk.first + chunk.count).map((r) => [...r]);
      range.values = values.slice(chunk.first, chunk.first + chunk.count);
    },
  }));
}

/** The header, the Excel table over the written block, its format blocks, colour rules and row heights. */
function tableUnit(index: number, sheetName: string, table: TableLayout, name: string, colours: boolean): WriteUnit {
  const headers = inertRow(table.headers);
  const headerFormats = headers.map(() => TEXT_FORMAT);
  const width = headers.length;
  const rules = colours ? table.colourRules : [];
  const formatsBytes = table.formats.reduce((sum, b) => sum + formatBytes(b.format), 0);
  const ruleBytes = rules.reduce((sum, r) => sum + OPERATION_BYTES * 3 + utf8Length(r.text) + 20, 0);
  return {
    section: index,
    bytes: OPERATION_BYTES * 8 + rowBytes(headers, headerFormats) + formatsBytes + ruleBytes,
    apply: (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const header = sheet.getRange(blockAddress(table.headerRow, 0, 1, width));
      header.numberFormat = [headerFormats];
      header.values = [headers];
      const whole = blockAddress(table.headerRow, 0, 1 + table.values.length, width);
      const excelTable = sheet.tables.add(whole, true);
      excelTable.name = name;
      excelTable.style = TABLE_STYLE.name;
      excelTable.showBandedRows = TABLE_STYLE.bandedRows;
      for (const block of table.formats) applyFormat(sheet.getRange(blockAddress(block.row, block.column, block.rowCount, block.columnCount)).format, block.format);
      for (const rule of rules) {
        const format = sheet.getRange(blockAddress(rule.row, rule.column, rule.rowCount, rule.columnCount)).conditionalFormats.add('Custom');
        // Relative to the block's first cell: each cell compares its own text.
        format.custom.rule.formula = `=${blockAddress(rule.row, rule.column, 1, 1)}=${formulaText(rule.text)}`;
        format.custom.format.font.color = rule.colour;
      }
      // Excel measures wrapped text itself; the layout's estimated heights are for hosts that cannot.
      sheet.getRange(whole).format.autofitRows();
    },
  };
}

/**
 * A section's units, in the order they must run: prepare the sheet, then per table its body
 * chunks and the table over them, then `tail` (the Data snapshot). Body rows are cut so that a
 * chunk plus everything else of the section fits one batch.
 */
export function sectionUnits(index: number, p: PlacedSection, state: WorkbookState, budget: number, capabilities: HostCapabilities, tail: WriteUnit | undefined): WriteUnit[] {
  const { layout } = p;
  const prepare = prepareUnit(index, p, state, capabilities);
  const tables = layout.tables.map((table, t) => tableUnit(index, layout.sheetName, table, p.tableNames[t] ?? table.id, capabilities.colours));
  const overhead = prepare.bytes + tables.reduce((sum, u) => sum + u.bytes, 0) + (tail?.bytes ?? 0) + OPERATION_BYTES * 4;
  const chunkBudget = bodyChunkBudget(budget, overhead);
  return [prepare, ...layout.tables.flatMap((table, t) => [...bodyUnits(index, layout.sheetName, table, chunkBudget), ...tables.slice(t, t + 1)]), ...(tail ? [tail] : [])];
}
