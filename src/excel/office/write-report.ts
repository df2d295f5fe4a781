/// <reference types="office-js" />
// The office-js writer: report sections into named Excel tables, in as few `context.sync()` calls
// as the data allows. One read of the workbook's sheets, tables and registry first; then every
// section's writes are queued as whole 2-D arrays and packed into batches that stay under Excel on
// the web's 5 MB request limit. A section smaller than a batch is written in one sync (shared with
// other sections); a bigger one is cut into row chunks, one sync per chunk.
import type { Report, ReportSection } from '../../report';
import { blockAddress, charactersToPoints, columnsAddress } from './excel-units';
import { chunkRows, DEFAULT_BATCH_BUDGET, OPERATION_BYTES, rowBytes, utf8Length } from './payload';
import type { SectionLayout, TableLayout } from './section-layout';
import { layoutSection } from './section-layout';
import type { DataSnapshot, RegisteredSection, RegisteredTable, SectionRegistry } from './workbook-registry';
import { dataSettingKey, mergeRegistry, parseRegistry, rowKey, sameSection, SECTIONS_SETTING, serialiseDataSnapshot, serialiseRegistry } from './workbook-registry';

export interface WriteProgress {
  readonly done: number;
  readonly total: number;
  /** The section the batch just written finished, in Swedish. */
  readonly sectionTitle?: string;
}

export interface WriteOptions {
  /** Only these sections (by id); default every section of the report. */
  readonly sectionIds?: readonly string[];
  /** Bytes a batch is filled to before it is synced; default 4 MB (Excel on the web refuses 5 MB). */
  readonly batchBudget?: number;
  /** Status colours as conditional formats need ExcelApi 1.6; without them the symbols keep their shapes. */
  readonly colours?: boolean;
  readonly onProgress?: (progress: WriteProgress) => void;
  readonly now?: () => Date;
}

export interface SectionResult {
  readonly sectionId: string;
  readonly sheetName: string;
  readonly tables: readonly RegisteredTable[];
  /** Syncs that carried this section's writes, plus the one read at the start. */
  readonly syncs: number;
}

export interface WriteResult {
  readonly syncs: number;
  readonly sections: readonly SectionResult[];
  readonly maxSyncsPerSection: number;
  /** Estimated size of the largest batch sent. */
  readonly largestBatchBytes: number;
}

const TABLE_STYLE = 'TableStyleLight1';
const HEADER_FILL = '#E7EEF5';
const COMMENT_COLOUR = '#404040';
const SYMBOL_SIZE = 13;

/** What the workbook holds before anything is written. */
interface WorkbookState {
  readonly sheetNames: Set<string>;
  readonly tableNames: Set<string>;
  readonly registry: SectionRegistry;
}

interface Unit {
  readonly section: number;
  readonly bytes: number;
  readonly apply: (context: Excel.RequestContext) => void;
}

interface Placement {
  readonly section: ReportSection;
  readonly layout: SectionLayout;
  readonly tableNames: readonly string[];
  readonly previous: RegisteredSection | undefined;
  readonly sheetExists: boolean;
}

const lower = (s: string) => s.toLocaleLowerCase('sv');

/** One sync: the sheets, the tables and the registry. */
export async function readWorkbookState(context: Excel.RequestContext): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  const setting = context.workbook.settings.getItemOrNullObject(SECTIONS_SETTING).load('value');
  await context.sync();
  const value: unknown = setting.isNullObject ? undefined : setting.value;
  return {
    sheetNames: new Set(sheets.items.map((s) => lower(s.name))),
    tableNames: new Set(tables.items.map((t) => lower(t.name))),
    registry: parseRegistry(value),
  };
}

function uniqueName(base: string, taken: Set<string>, join: (base: string, n: number) => string): string {
  let name = base;
  for (let n = 2; taken.has(lower(name)); n++) name = join(base, n);
  taken.add(lower(name));
  return name;
}

/**
 * Sheets and table names: a section written before keeps its own; a new one gets the report's
 * names, suffixed when the user's sheets or another plan's tables already use them.
 */
function place(report: Report, sections: readonly ReportSection[], state: WorkbookState): Placement[] {
  const registered = (section: ReportSection) =>
    state.registry.sections.find((s) => sameSection(s, { planKey: report.planKey, periodKey: report.periodKey, sectionId: section.id }));
  const ours = new Set(sections.map(registered).filter((r): r is RegisteredSection => r !== undefined));
  const takenSheets = new Set(state.sheetNames);
  const takenTables = new Set(state.tableNames);
  // Names the sections being rewritten own are free for them (and only for them).
  for (const r of ours) r.tables.forEach((t) => takenTables.delete(lower(t.name)));
  for (const r of state.registry.sections) if (!ours.has(r)) r.tables.forEach((t) => takenTables.add(lower(t.name)));
  for (const r of state.registry.sections) takenSheets.add(lower(r.sheetName));
  return sections.map((section) => {
    const previous = registered(section);
    const sheetName = previous?.sheetName ?? uniqueName(section.sheetName, takenSheets, (b, n) => `${b.slice(0, 31 - String(n).length - 3)} (${n})`);
    const tableNames = section.tables.map((t) => {
      const own = previous?.tables.find((p) => p.id === t.id);
      return own ? (takenTables.add(lower(own.name)), own.name) : uniqueName(t.id, takenTables, (b, n) => `${b}_${n}`);
    });
    return { section, layout: layoutSection(section, sheetName), tableNames, previous, sheetExists: state.sheetNames.has(lower(sheetName)) };
  });
}

function alignment(align: 'left' | 'center' | 'right' | undefined): 'Left' | 'Center' | 'Right' {
  return align === 'center' ? 'Center' : align === 'right' ? 'Right' : 'Left';
}

/** Excel's formula string literal: quotes doubled. */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Clears what was there, creates the sheet if needed, sets column widths and the paragraphs. */
function prepareUnit(index: number, p: Placement, state: WorkbookState, colours: boolean): Unit {
  const { layout } = p;
  const lineBytes = layout.lines.reduce((sum, l) => sum + OPERATION_BYTES * 4 + (typeof l.text === 'string' ? utf8Length(l.text) : 16), 0);
  return {
    section: index,
    bytes: OPERATION_BYTES * (4 + layout.columnWidths.length) + lineBytes,
    apply: (context) => {
      const workbook = context.workbook;
      for (const name of p.previous?.tables.map((t) => t.name) ?? []) {
        if (state.tableNames.has(lower(name))) workbook.tables.getItem(name).delete();
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
      for (const line of layout.lines) {
        const range = sheet.getRange(blockAddress(line.row, 0, 1, line.merge ? layout.columnCount : 1));
        if (line.merge) range.merge(false);
        const cell = sheet.getRange(blockAddress(line.row, 0, 1, 1));
        cell.numberFormat = [['@']];
        cell.values = [[line.text]];
        const font = cell.format.font;
        if (line.style === 'heading') {
          font.bold = true;
          font.size = 14;
        } else if (line.style === 'caption') {
          font.bold = true;
          font.size = 12;
        }
        if (line.colour) {
          font.bold = true;
          font.color = line.colour;
        }
        if (line.merge) {
          range.format.wrapText = true;
          range.format.verticalAlignment = 'Top';
        }
        if (line.height !== undefined) range.format.rowHeight = line.height;
      }
    },
  };
}

/** Header and body values: number formats first, so text lands in '@' cells. */
function valueUnits(index: number, p: Placement, table: TableLayout, chunkBudget: number): Unit[] {
  const sheetName = p.layout.sheetName;
  const width = table.columns.length;
  const header: Unit = {
    section: index,
    bytes: OPERATION_BYTES * 2 + rowBytes(table.headers, table.headers.map(() => '@')),
    apply: (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRange(blockAddress(table.headerRow, 0, 1, width));
      range.numberFormat = [table.headers.map(() => '@')];
      range.values = [[...table.headers]];
    },
  };
  const chunks = chunkRows(table.values, table.numberFormats, chunkBudget);
  return [
    header,
    ...chunks.map(
      (chunk): Unit => ({
        section: index,
        bytes: OPERATION_BYTES * 2 + chunk.bytes,
        apply: (context) => {
          const range = context.workbook.worksheets.getItem(sheetName).getRange(blockAddress(table.headerRow + 1 + chunk.first, 0, chunk.count, width));
          range.numberFormat = table.numberFormats.slice(chunk.first, chunk.first + chunk.count).map((r) => [...r]);
          range.values = table.values.slice(chunk.first, chunk.first + chunk.count).map((r) => [...r]);
        },
      }),
    ),
  ];
}

/** The Excel table over the written block, and its formats: per column, per styled run, per colour. */
function tableUnit(index: number, p: Placement, table: TableLayout, name: string, colours: boolean): Unit {
  const sheetName = p.layout.sheetName;
  const width = table.columns.length;
  const bodyRows = Math.max(1, table.values.length);
  const ops = 6 + width * 3 + table.runs.length * 4 + (colours ? table.colourRules.length * 3 : 0);
  const ruleBytes = table.colourRules.reduce((sum, r) => sum + utf8Length(r.text) + 20, 0);
  return {
    section: index,
    bytes: OPERATION_BYTES * ops + ruleBytes,
    apply: (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const excelTable = sheet.tables.add(blockAddress(table.headerRow, 0, 1 + bodyRows, width), true);
      excelTable.name = name;
      excelTable.style = TABLE_STYLE;
      // No stripes: heading and comment rows inside a table would make banding misleading.
      excelTable.showBandedRows = false;
      const firstBody = table.headerRow + 1;
      const header = sheet.getRange(blockAddress(table.headerRow, 0, 1, width));
      header.format.wrapText = true;
      header.format.verticalAlignment = 'Bottom';
      header.format.font.bold = true;
      const body = sheet.getRange(blockAddress(firstBody, 0, bodyRows, width));
      body.format.verticalAlignment = 'Top';
      table.columns.forEach((column, c) => {
        const cells = sheet.getRange(blockAddress(firstBody, c, bodyRows, 1));
        cells.format.horizontalAlignment = alignment(column.align);
        cells.format.wrapText = column.wrap;
        // Symbols are small in the default font; one size up tells ●, ◆ and ■ apart on paper.
        if (column.type === 'symbol') cells.format.font.size = SYMBOL_SIZE;
      });
      for (const run of table.runs) {
        const rows = sheet.getRange(blockAddress(firstBody + run.first, 0, run.count, width));
        if (run.style === 'comment') {
          rows.format.font.italic = true;
          rows.format.font.color = COMMENT_COLOUR;
          rows.format.wrapText = true;
          rows.format.horizontalAlignment = 'Left';
        } else {
          rows.format.font.bold = true;
          if (run.style === 'header') {
            rows.format.fill.color = HEADER_FILL;
            rows.format.wrapText = true;
          }
        }
      }
      if (colours) {
        for (const rule of table.colourRules) {
          const cells = sheet.getRange(blockAddress(firstBody, rule.column, bodyRows, 1));
          const format = cells.conditionalFormats.add('Custom');
          // Relative to the range's first cell: each cell compares its own text.
          format.custom.rule.formula = `=${blockAddress(firstBody, rule.column, 1, 1)}=${formulaText(rule.text)}`;
          format.custom.format.font.color = rule.colour;
        }
      }
      if (table.wraps) sheet.getRange(blockAddress(table.headerRow, 0, 1 + bodyRows, width)).format.autofitRows();
    },
  };
}

/**
 * A section's units. Body rows are cut so that a chunk plus everything else of the section
 * (clearing, paragraphs, headers, table formats, the Data snapshot) fits one batch: a section
 * under the budget is one batch, a bigger one as few batches as its rows need.
 */
function sectionUnits(index: number, p: Placement, state: WorkbookState, budget: number, colours: boolean, tail: Unit | undefined): Unit[] {
  const prepare = prepareUnit(index, p, state, colours);
  const tableUnits = p.layout.tables.map((table, t) => tableUnit(index, p, table, p.tableNames[t] ?? table.id, colours));
  const headerBytes = p.layout.tables.reduce((sum, t) => sum + rowBytes(t.headers, t.headers.map(() => '@')) + OPERATION_BYTES * 2, 0);
  const overhead = prepare.bytes + headerBytes + tableUnits.reduce((sum, u) => sum + u.bytes, 0) + (tail?.bytes ?? 0) + OPERATION_BYTES * 4;
  const chunkBudget = Math.max(budget / 4, budget - overhead);
  return [
    prepare,
    ...p.layout.tables.flatMap((table, t) => [...valueUnits(index, p, table, chunkBudget), tableUnits[t] as Unit]),
    ...(tail ? [tail] : []),
  ];
}

/**
 * Units in order, in batches up to the budget. A section that fits a batch is never split across
 * two; a bigger one starts a batch of its own, so its chunks (sized for it) each fit.
 */
function pack(units: readonly Unit[], budget: number): Unit[][] {
  const sectionBytes = new Map<number, number>();
  for (const u of units) sectionBytes.set(u.section, (sectionBytes.get(u.section) ?? 0) + u.bytes);
  const batches: Unit[][] = [];
  let current: Unit[] = [];
  let bytes = 0;
  let lastSection: number | undefined;
  const flush = () => {
    if (current.length > 0) batches.push(current);
    current = [];
    bytes = 0;
  };
  for (const unit of units) {
    if (unit.section !== lastSection) {
      const whole = sectionBytes.get(unit.section) ?? 0;
      if (whole > budget || bytes + whole > budget) flush();
    } else if (bytes + unit.bytes > budget) flush();
    current.push(unit);
    bytes += unit.bytes;
    lastSection = unit.section;
  }
  flush();
  return batches;
}

function dataSnapshot(report: Report, section: ReportSection): DataSnapshot | undefined {
  if (section.kind !== 'data') return undefined;
  const [table] = section.tables;
  const rows: DataSnapshot['rows'] = Object.fromEntries(table.rows.map((r) => [rowKey(r.writeBack.subjectRef, r.writeBack.periodKey), r.writeBack]));
  const headers = Object.fromEntries(table.columns.map((c) => [c.key, c.header]));
  return { planKey: report.planKey, periodKey: report.periodKey, headers, rows };
}

/**
 * Writes the report's sections (all, or `options.sectionIds`) and remembers them in the workbook.
 * A section written before for the same plan and period is rewritten in place, on its own sheet,
 * under its own table names; nothing else in the workbook is touched.
 */
export async function writeReport(context: Excel.RequestContext, report: Report, options: WriteOptions = {}): Promise<WriteResult> {
  const budget = options.batchBudget ?? DEFAULT_BATCH_BUDGET;
  const colours = options.colours ?? true;
  const wanted = options.sectionIds;
  const sections = wanted ? report.sections.filter((s) => wanted.includes(s.id)) : report.sections;
  let syncs = 0;
  const sync = async () => {
    syncs += 1;
    await context.sync();
  };

  const state = await (async () => {
    const read = await readWorkbookState(context);
    syncs += 1;
    return read;
  })();
  const placements = place(report, sections, state);
  const writtenAt = (options.now?.() ?? new Date()).toISOString();
  const registered: RegisteredSection[] = placements.map((p) => ({
    planKey: report.planKey,
    periodKey: report.periodKey,
    sectionId: p.section.id,
    sheetName: p.layout.sheetName,
    tables: p.section.tables.map((t, i) => ({ id: t.id, name: p.tableNames[i] ?? t.id })),
    rowCount: p.layout.rowCount,
    columnCount: p.layout.columnCount,
    writtenAt,
  }));

  // The registry and the Data tables' rows as written go with the last writes: a failed write
  // leaves the previous registration, never one that points at tables that were not built.
  const settingUnit = (section: number, key: string, value: string): Unit => ({
    section,
    bytes: OPERATION_BYTES + utf8Length(value),
    apply: (ctx) => {
      ctx.workbook.settings.add(key, value);
    },
  });
  const units = placements.flatMap((p, i) => {
    const snapshot = dataSnapshot(report, p.section);
    const tableName = registered[i]?.tables[0]?.name;
    const tail = snapshot && tableName ? settingUnit(i, dataSettingKey(tableName), serialiseDataSnapshot(snapshot)) : undefined;
    return sectionUnits(i, p, state, budget, colours, tail);
  });
  units.push(settingUnit(-1, SECTIONS_SETTING, serialiseRegistry(mergeRegistry(state.registry, registered))));
  const batches = pack(units, budget);
  const syncsOf = new Map<number, number>();
  let largest = 0;
  for (const [b, batch] of batches.entries()) {
    batch.forEach((u) => u.apply(context));
    await sync();
    largest = Math.max(largest, batch.reduce((sum, u) => sum + u.bytes, 0));
    const touched = new Set(batch.map((u) => u.section).filter((s) => s >= 0));
    touched.forEach((s) => syncsOf.set(s, (syncsOf.get(s) ?? 0) + 1));
    const last = placements[Math.max(-1, ...touched)];
    options.onProgress?.({ done: b + 1, total: batches.length, ...(last ? { sectionTitle: last.section.title } : {}) });
  }

  const results = placements.map((p, i): SectionResult => ({
    sectionId: p.section.id,
    sheetName: p.layout.sheetName,
    tables: registered[i]?.tables ?? [],
    syncs: 1 + (syncsOf.get(i) ?? 0),
  }));
  return { syncs, sections: results, maxSyncsPerSection: Math.max(0, ...results.map((r) => r.syncs)), largestBatchBytes: largest };
}
