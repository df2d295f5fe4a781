// A small Excel workbook for tests, built from office-addin-mock objects: worksheets, ranges,
// tables, conditional formats and settings, with the state kept in plain maps the tests can read.
// office-addin-mock tracks load/sync; the collections and methods it cannot model (its README:
// "collections are not supported") are seed functions here. Property writes on ranges and tables
// take effect at `context.sync()`, as in Excel; methods (add, delete, clear) take effect at once,
// which is the same for code that, like the writer, clears before it writes within a batch.
// The mock's loose types stay in this file: tests get an `Excel.RequestContext` and typed state.
/// <reference types="office-js" />
import './office-mock-setup';
import { OfficeMockObject } from 'office-addin-mock';

export interface CellState {
  value: string | number;
  numberFormat: string;
  /** What Excel would show, when a test wants it to differ from the value (a "75 %" typed by a user). */
  text?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  align?: string;
}

export interface ConditionalFormatState {
  readonly address: string;
  formula?: string;
  color?: string;
}

/** What `worksheet.pageLayout` (ExcelApi 1.9) was given. */
export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  leftHeader?: string;
  centerHeader?: string;
  rightHeader?: string;
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

export interface SheetState {
  readonly name: string;
  readonly cells: Map<string, CellState>;
  readonly columnWidths: Map<number, number>;
  /** 0-based columns hidden (`Range.columnHidden`). */
  readonly hiddenColumns: Set<number>;
  /** Absent until the writer sets any print setting. */
  pageLayout?: PageLayoutState;
  readonly rowHeights: Map<number, number>;
  readonly merges: string[];
  readonly conditionalFormats: ConditionalFormatState[];
  autofitted: number;
}

export interface TableState {
  name: string;
  readonly sheet: string;
  readonly address: Block;
  style?: string;
  showBandedRows?: boolean;
}

export interface SyncRecord {
  /** Estimated request size: values, number formats and settings sent, plus 200 bytes per proxy. */
  readonly bytes: number;
  readonly proxies: number;
}

export interface Block {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  /** Whole columns ("A:C"): no cells are seeded for reads. */
  readonly wholeColumns: boolean;
}

export interface FakeExcel {
  readonly context: Excel.RequestContext;
  readonly sheets: Map<string, SheetState>;
  readonly tables: Map<string, TableState>;
  readonly settings: Map<string, unknown>;
  readonly syncs: SyncRecord[];
  /** The sheet by name (case-insensitive); throws when there is none. */
  sheet(name: string): SheetState;
  /** A block of cell values, e.g. values("Data", "A1:C3"). */
  values(sheet: string, address: string): Array<Array<string | number>>;
  numberFormats(sheet: string, address: string): string[][];
  cell(sheet: string, address: string): CellState | undefined;
  /** Puts values into a sheet directly, as a user typing (creates the sheet if needed). */
  type(sheet: string, address: string, values: ReadonlyArray<ReadonlyArray<string | number>>, texts?: ReadonlyArray<ReadonlyArray<string>>): void;
  /** The body block of a table, as an address. */
  tableBody(name: string): { sheet: string; address: string };
}

type Node = OfficeMockObject;

function letters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letterText: string): number {
  return [...letterText.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
}

export function parseAddress(address: string): Block {
  const plain = address.replace(/\$/g, '').replace(/^.*!/, '');
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(plain);
  if (cols) {
    const first = columnIndex(cols[1] ?? 'A');
    return { row: 0, column: first, rows: 1_048_576, columns: columnIndex(cols[2] ?? 'A') - first + 1, wholeColumns: true };
  }
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(plain);
  if (!m) throw new Error(`fake Excel: cannot read the address "${address}"`);
  const c1 = columnIndex(m[1] ?? 'A');
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1, wholeColumns: false };
}

export function formatAddress(b: Block): string {
  const first = `${letters(b.column)}${b.row + 1}`;
  return b.rows === 1 && b.columns === 1 ? first : `${first}:${letters(b.column + b.columns - 1)}${b.row + b.rows}`;
}

const key = (row: number, col: number) => `${row},${col}`;
const lower = (s: string) => s.toLocaleLowerCase('sv');

function isWritten(v: unknown): boolean {
  return v !== undefined && !(typeof v === 'string' && v.startsWith('Error, '));
}

function record(node: Node): Record<string, unknown> {
  return node as unknown as Record<string, unknown>;
}

function child(node: Node, name: string): Record<string, unknown> {
  return record(node)[name] as Record<string, unknown>;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

export interface FakeExcelOptions {
  /**
   * The host's ExcelApi version: '1.4' (the manifest's minimum) has no `worksheet.pageLayout`, so
   * a writer that touches it there fails as it would in such an Excel. Default '1.9'.
   */
  readonly excelApi?: '1.4' | '1.9';
}

const HEADER_FOOTER_PARTS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const withPageLayout = (options.excelApi ?? '1.9') === '1.9';
  const sheets = new Map<string, SheetState>();
  const tables = new Map<string, TableState>();
  const settings = new Map<string, unknown>();
  const syncs: SyncRecord[] = [];
  let created: Node[] = [];
  let pendingRanges: Array<{ node: Node; sheet: SheetState; block: Block; seedValues: unknown; seedFormats: unknown }> = [];
  let pendingTables: Array<{ node: Node; table: TableState }> = [];
  let settingsBytes = 0;

  const make = (seed: Record<string, unknown>): Node => {
    const node = new OfficeMockObject(seed as ConstructorParameters<typeof OfficeMockObject>[0]);
    created.push(node);
    return node;
  };

  const sheetState = (name: string): SheetState => {
    const s = sheets.get(lower(name));
    if (!s) throw new Error(`fake Excel: ItemNotFound – there is no sheet "${name}"`);
    return s;
  };

  const addSheet = (name: string): SheetState => {
    if (sheets.has(lower(name))) throw new Error(`fake Excel: a sheet "${name}" exists already`);
    const s: SheetState = { name, cells: new Map(), columnWidths: new Map(), hiddenColumns: new Set(), rowHeights: new Map(), merges: [], conditionalFormats: [], autofitted: 0 };
    sheets.set(lower(name), s);
    return s;
  };

  const cellAt = (sheet: SheetState, row: number, col: number): CellState => {
    let c = sheet.cells.get(key(row, col));
    if (!c) {
      c = { value: '', numberFormat: 'General' };
      sheet.cells.set(key(row, col), c);
    }
    return c;
  };

  const grid = <T>(sheet: SheetState, b: Block, read: (c: CellState | undefined) => T): T[][] =>
    b.wholeColumns ? [] : Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.columns }, (_, c) => read(sheet.cells.get(key(b.row + r, b.column + c)))));

  const shown = (c: CellState | undefined): string => (c?.text ?? (typeof c?.value === 'number' ? String(c.value).replace('.', ',') : (c?.value ?? '')));

  const rangeNode = (sheet: SheetState, b: Block): Node => {
    const seedValues = grid(sheet, b, (c) => c?.value ?? '');
    const seedFormats = grid(sheet, b, (c) => c?.numberFormat ?? 'General');
    const node = make({
      address: `${sheet.name}!${formatAddress(b)}`,
      values: seedValues,
      text: grid(sheet, b, shown),
      numberFormat: seedFormats,
      rowCount: b.rows,
      columnCount: b.columns,
      format: {
        font: {},
        fill: {},
        autofitRows: () => {
          sheet.autofitted += 1;
        },
      },
      conditionalFormats: {
        add: (type: string) => {
          if (type !== 'Custom') throw new Error(`fake Excel: only custom conditional formats are modelled, not ${type}`);
          const state: ConditionalFormatState = { address: formatAddress(b) };
          sheet.conditionalFormats.push(state);
          const cf = make({ custom: { rule: {}, format: { font: {} } } });
          pendingCf.push({ node: cf, state });
          return cf;
        },
        clearAll: () => {
          const inside = (a: string) => {
            const x = parseAddress(a);
            return x.row >= b.row && x.row < b.row + b.rows && x.column >= b.column && x.column < b.column + b.columns;
          };
          const keep = sheet.conditionalFormats.filter((f) => !inside(f.address));
          sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...keep);
        },
      },
      merge: () => {
        sheet.merges.push(formatAddress(b));
      },
      unmerge: () => {
        const keep = sheet.merges.filter((m) => {
          const x = parseAddress(m);
          return !(x.row >= b.row && x.row < b.row + b.rows && x.column >= b.column && x.column < b.column + b.columns);
        });
        sheet.merges.splice(0, sheet.merges.length, ...keep);
      },
      clear: () => {
        for (const k of [...sheet.cells.keys()]) {
          const [r = 0, c = 0] = k.split(',').map(Number);
          if (r >= b.row && r < b.row + b.rows && c >= b.column && c < b.column + b.columns) sheet.cells.delete(k);
        }
        for (let r = b.row; r < b.row + Math.min(b.rows, 100_000); r++) sheet.rowHeights.delete(r);
      },
      getCell: (r: number, c: number) => rangeNode(sheet, { row: b.row + r, column: b.column + c, rows: 1, columns: 1, wholeColumns: false }),
    });
    pendingRanges.push({ node, sheet, block: b, seedValues, seedFormats });
    return node;
  };
  const pendingCf: Array<{ node: Node; state: ConditionalFormatState }> = [];

  const tableNode = (table: TableState): Node => {
    const node = make({
      name: table.name,
      delete: () => {
        tables.delete(lower(table.name));
      },
      getDataBodyRange: () => rangeNode(sheetState(table.sheet), { ...table.address, row: table.address.row + 1, rows: table.address.rows - 1 }),
      getHeaderRowRange: () => rangeNode(sheetState(table.sheet), { ...table.address, rows: 1 }),
    });
    pendingTables.push({ node, table });
    return node;
  };

  let pendingSheets: Array<{ node: Node; sheet: SheetState }> = [];
  const sheetNode = (sheet: SheetState): Node => {
    const printTitleRows: { value?: string } = {};
    const pageLayout = {
      headersFooters: { defaultForAllPages: {} },
      setPrintTitleRows: (rows: string) => {
        if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new Error(`fake Excel: print title rows must be whole rows, not "${rows}"`);
        printTitleRows.value = rows;
      },
    };
    const node = make({
      name: sheet.name,
      ...(withPageLayout ? { pageLayout } : {}),
      getRange: (address: string) => rangeNode(sheet, parseAddress(address)),
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          if (!hasHeaders) throw new Error('fake Excel: the writer always has headers');
          const b = parseAddress(address);
          const table: TableState = { name: `Tabell${tables.size + 1}_${Math.random().toString(36).slice(2, 7)}`, sheet: sheet.name, address: b };
          tables.set(lower(table.name), table);
          return tableNode(table);
        },
      },
    });
    pendingSheets.push({ node, sheet });
    if (withPageLayout) record(node)['__printTitleRows'] = printTitleRows;
    return node;
  };

  const flush = () => {
    let bytes = 0;
    const proxies = pendingRanges.length + pendingTables.length + pendingCf.length;
    for (const { node, sheet, block, seedValues, seedFormats } of pendingRanges) {
      const r = record(node);
      const format = child(node, 'format');
      const font = format['font'] as Record<string, unknown>;
      const fill = format['fill'] as Record<string, unknown>;
      const each = (fn: (c: CellState, row: number, col: number) => void) => {
        if (block.wholeColumns) return;
        for (let i = 0; i < block.rows; i++) for (let j = 0; j < block.columns; j++) fn(cellAt(sheet, block.row + i, block.column + j), i, j);
      };
      const numberFormat = r['numberFormat'];
      if (Array.isArray(numberFormat) && numberFormat !== seedFormats) {
        bytes += jsonBytes(numberFormat);
        each((c, i, j) => (c.numberFormat = String((numberFormat[i] as unknown[])[j])));
      }
      const values = r['values'];
      if (Array.isArray(values) && values !== seedValues) {
        bytes += jsonBytes(values);
        if (!block.wholeColumns && (values.length !== block.rows || (values[0] as unknown[]).length !== block.columns)) {
          throw new Error(`fake Excel: ${values.length} rows of values for ${formatAddress(block)}`);
        }
        each((c, i, j) => {
          const v = (values[i] as unknown[])[j];
          if (typeof v === 'string' && /^[=+\-@]/.test(v) && c.numberFormat !== '@') throw new Error(`fake Excel: "${v}" would be read as a formula`);
          c.value = typeof v === 'number' ? v : String(v ?? '');
          delete c.text;
        });
      }
      if (isWritten(font['bold'])) each((c) => (c.bold = Boolean(font['bold'])));
      if (isWritten(font['italic'])) each((c) => (c.italic = Boolean(font['italic'])));
      if (isWritten(font['size'])) each((c) => (c.size = Number(font['size'])));
      if (isWritten(font['color'])) each((c) => (c.color = String(font['color'])));
      if (isWritten(fill['color'])) each((c) => (c.fill = String(fill['color'])));
      if (isWritten(format['wrapText'])) each((c) => (c.wrap = Boolean(format['wrapText'])));
      if (isWritten(format['horizontalAlignment'])) each((c) => (c.align = String(format['horizontalAlignment'])));
      if (isWritten(format['columnWidth'])) for (let j = 0; j < block.columns; j++) sheet.columnWidths.set(block.column + j, Number(format['columnWidth']));
      if (isWritten(format['rowHeight'])) for (let i = 0; i < block.rows; i++) sheet.rowHeights.set(block.row + i, Number(format['rowHeight']));
      if (isWritten(r['columnHidden'])) {
        for (let j = 0; j < block.columns; j++) {
          if (r['columnHidden'] === true) sheet.hiddenColumns.add(block.column + j);
          else sheet.hiddenColumns.delete(block.column + j);
        }
      }
    }
    for (const { node, sheet } of pendingSheets) {
      if (!withPageLayout) continue;
      const page = child(node, 'pageLayout');
      const parts = (child(page as unknown as Node, 'headersFooters')['defaultForAllPages'] ?? {}) as Record<string, unknown>;
      const titles = (record(node)['__printTitleRows'] as { value?: string }).value;
      const state: PageLayoutState = { ...sheet.pageLayout };
      if (isWritten(page['orientation'])) state.orientation = String(page['orientation']);
      if (isWritten(page['paperSize'])) state.paperSize = String(page['paperSize']);
      if (isWritten(page['zoom'])) state.zoom = { ...(page['zoom'] as PageLayoutState['zoom']) };
      if (titles !== undefined) state.printTitleRows = titles;
      for (const part of HEADER_FOOTER_PARTS) if (isWritten(parts[part])) state[part] = String(parts[part]);
      if (Object.keys(state).length > 0) sheet.pageLayout = state;
    }
    for (const { node, table } of pendingTables) {
      const r = record(node);
      const name = r['name'];
      if (isWritten(name) && typeof name === 'string' && name !== table.name) {
        if (tables.has(lower(name))) throw new Error(`fake Excel: a table named "${name}" exists already`);
        tables.delete(lower(table.name));
        table.name = name;
        tables.set(lower(name), table);
      }
      if (isWritten(r['style'])) table.style = String(r['style']);
      if (isWritten(r['showBandedRows'])) table.showBandedRows = Boolean(r['showBandedRows']);
    }
    for (const { node, state } of pendingCf) {
      const custom = child(node, 'custom');
      const rule = custom['rule'] as Record<string, unknown>;
      const font = (custom['format'] as Record<string, unknown>)['font'] as Record<string, unknown>;
      if (isWritten(rule['formula'])) state.formula = String(rule['formula']);
      if (isWritten(font['color'])) state.color = String(font['color']);
    }
    pendingRanges = [];
    pendingTables = [];
    pendingSheets = [];
    pendingCf.splice(0);
    syncs.push({ bytes: bytes + settingsBytes + proxies * 200, proxies });
    settingsBytes = 0;
  };

  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        load: function (this: Record<string, unknown>) {
          this['items'] = [...sheets.values()].map((s) => ({ name: s.name }));
          return this;
        },
        getItem: (name: string) => sheetNode(sheetState(name)),
        add: (name: string) => sheetNode(addSheet(name)),
      },
      tables: {
        load: function (this: Record<string, unknown>) {
          this['items'] = [...tables.values()].map((t) => ({ name: t.name }));
          return this;
        },
        getItem: (name: string) => {
          const t = tables.get(lower(name));
          if (!t) throw new Error(`fake Excel: ItemNotFound – there is no table "${name}"`);
          return tableNode(t);
        },
      },
      settings: {
        getItemOrNullObject: (settingKey: string) => {
          const node = make({ key: settingKey, value: settings.get(settingKey) ?? '' });
          record(node)['isNullObject'] = !settings.has(settingKey);
          return node;
        },
        add: (settingKey: string, value: unknown) => {
          settingsBytes += jsonBytes(value) + 200;
          settings.set(settingKey, value);
          return make({ key: settingKey, value });
        },
      },
    },
  });
  const baseSync = context.sync.bind(context);
  record(context)['sync'] = async () => {
    flush();
    await baseSync();
    const nodes = created;
    created = [];
    for (const n of nodes) await n.sync();
    // The mock resolves nested loads in later microtasks.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };

  const fake: FakeExcel = {
    context: context as unknown as Excel.RequestContext,
    sheets,
    tables,
    settings,
    syncs,
    sheet: sheetState,
    values: (sheet, address) => grid(sheetState(sheet), parseAddress(address), (c) => c?.value ?? ''),
    numberFormats: (sheet, address) => grid(sheetState(sheet), parseAddress(address), (c) => c?.numberFormat ?? 'General'),
    cell: (sheet, address) => {
      const b = parseAddress(address);
      return sheetState(sheet).cells.get(key(b.row, b.column));
    },
    type: (sheet, address, values, texts) => {
      const s = sheets.get(lower(sheet)) ?? addSheet(sheet);
      const b = parseAddress(address);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const c = cellAt(s, b.row + i, b.column + j);
          c.value = v;
          const t = texts?.[i]?.[j];
          if (t !== undefined) c.text = t;
          else delete c.text;
        }),
      );
    },
    tableBody: (name) => {
      const t = tables.get(lower(name));
      if (!t) throw new Error(`no table ${name}`);
      return { sheet: t.sheet, address: formatAddress({ ...t.address, row: t.address.row + 1, rows: t.address.rows - 1 }) };
    },
  };
  return fake;
}
