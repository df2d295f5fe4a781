/// <reference types="office-js" />
// The office-js side of write-back, kept apart from the pure diff: reading a Data table (one sync)
// and, after sending, recording what was saved so a second send starts from the new eTags.
import type { ReadTable } from '../write-back/diff-rows';
import type { DataSnapshot, RegisteredSection } from './workbook-registry';
import { dataSettingKey, parseDataSnapshot, parseRegistry, SECTIONS_SETTING, serialiseDataSnapshot } from './workbook-registry';

export interface DataTableRead extends ReadTable {
  readonly tableName: string;
  /** The rows as written, or undefined when the workbook lost them (the table was copied elsewhere). */
  readonly snapshot: DataSnapshot | undefined;
}

/** The Data sections the workbook remembers (one per plan and period inserted). */
export async function registeredDataTables(context: Excel.RequestContext): Promise<RegisteredSection[]> {
  const setting = context.workbook.settings.getItemOrNullObject(SECTIONS_SETTING).load('value');
  await context.sync();
  const value: unknown = setting.isNullObject ? undefined : setting.value;
  return parseRegistry(value).sections.filter((s) => s.sectionId === 'data');
}

function texts(rows: unknown): string[][] {
  return Array.isArray(rows) ? rows.map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')) : [])) : [];
}

function values(rows: unknown): unknown[][] {
  return Array.isArray(rows) ? rows.map((r) => (Array.isArray(r) ? [...(r as unknown[])] : [])) : [];
}

/** Header, values and shown texts of the table body, and the snapshot: one sync. */
export async function readDataTable(context: Excel.RequestContext, tableName: string): Promise<DataTableRead> {
  const table = context.workbook.tables.getItem(tableName);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('values, text');
  const setting = context.workbook.settings.getItemOrNullObject(dataSettingKey(tableName)).load('value');
  await context.sync();
  const snapshotValue: unknown = setting.isNullObject ? undefined : setting.value;
  return {
    tableName,
    headers: texts(header.values)[0] ?? [],
    values: values(body.values),
    texts: texts(body.text),
    snapshot: parseDataSnapshot(snapshotValue),
  };
}

export interface SavedRow {
  /** 0-based body row as read. */
  readonly row: number;
  readonly key: string;
  readonly entryItemId: string;
  readonly eTag: string;
  readonly original: DataSnapshot['rows'][string]['original'];
}

/**
 * After a send: the snapshot takes the saved rows' new eTags and values, and the table's visible
 * Uppföljnings-id and eTag cells follow. One sync, whatever the number of rows.
 */
export async function recordSaved(context: Excel.RequestContext, read: DataTableRead, saved: readonly SavedRow[]): Promise<void> {
  const snapshot = read.snapshot;
  if (!snapshot || saved.length === 0) return;
  const rows = { ...snapshot.rows };
  for (const s of saved) {
    const before = rows[s.key];
    if (before) rows[s.key] = { ...before, entryItemId: s.entryItemId, eTag: s.eTag, original: s.original };
  }
  context.workbook.settings.add(dataSettingKey(read.tableName), serialiseDataSnapshot({ ...snapshot, rows }));
  const find = (key: string) => read.headers.findIndex((h) => h === snapshot.headers[key]);
  const eTagColumn = find('eTag');
  const entryColumn = find('entryItemId');
  const body = context.workbook.tables.getItem(read.tableName).getDataBodyRange();
  for (const s of saved) {
    if (eTagColumn >= 0) body.getCell(s.row, eTagColumn).values = [[s.eTag]];
    if (entryColumn >= 0) body.getCell(s.row, entryColumn).values = [[s.entryItemId]];
  }
  await context.sync();
}
