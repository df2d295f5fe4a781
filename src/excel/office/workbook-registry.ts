// What the workbook remembers about the tables Målkoll wrote: for each section, the plan, period,
// sheet and Excel table names; for each Data table, the rows as they were written (eTags and the
// editable values), so write-back can tell the user's edits from the server's later changes.
// Kept in `workbook.settings` (ExcelApi 1.4): saved inside the file, scoped to this add-in,
// invisible on the sheets and out of the way of users' edits. Values are JSON text.
import type { DataRowWriteBack, EditableField, Report, ReportSection } from '../../report';

export const SECTIONS_SETTING = 'malkoll.sections';
export const DATA_SETTING_PREFIX = 'malkoll.data.';
export const REGISTRY_VERSION = 1;

export interface RegisteredTable {
  /** The report's table id. */
  readonly id: string;
  /** The Excel table's name: the id, or the id with a suffix when the workbook already used it. */
  readonly name: string;
}

export interface RegisteredSection {
  readonly planKey: string;
  readonly periodKey: string;
  readonly sectionId: string;
  readonly sheetName: string;
  readonly tables: readonly RegisteredTable[];
  /** The block from A1 the section occupied when written: what a refresh clears. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** ISO time of the last write. */
  readonly writtenAt: string;
}

export interface SectionRegistry {
  readonly version: number;
  readonly sections: readonly RegisteredSection[];
}

export interface DataSnapshot {
  readonly planKey: string;
  readonly periodKey: string;
  /** Column key → header as written, so edited cells are found even if columns are moved. */
  readonly headers: Readonly<Record<string, string>>;
  /** By `rowKey(ref, period)`. */
  readonly rows: Readonly<Record<string, DataRowWriteBack>>;
}

export const EMPTY_REGISTRY: SectionRegistry = { version: REGISTRY_VERSION, sections: [] };

export function dataSettingKey(tableName: string): string {
  return `${DATA_SETTING_PREFIX}${tableName}`;
}

/** Refs are unique within a plan, so ref and period name a Data row. */
export function rowKey(subjectRef: string, periodKey: string): string {
  return `${subjectRef}|${periodKey}`;
}

export function sameSection(a: Pick<RegisteredSection, 'planKey' | 'periodKey' | 'sectionId'>, b: Pick<RegisteredSection, 'planKey' | 'periodKey' | 'sectionId'>): boolean {
  return a.planKey === b.planKey && a.periodKey === b.periodKey && a.sectionId === b.sectionId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): value is string {
  return typeof value === 'string';
}

function parseJson(text: unknown): unknown {
  if (!str(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function registeredSection(value: unknown): RegisteredSection | undefined {
  if (!isRecord(value)) return undefined;
  const { planKey, periodKey, sectionId, sheetName, tables, rowCount, columnCount, writtenAt } = value;
  if (!str(planKey) || !str(periodKey) || !str(sectionId) || !str(sheetName) || !Array.isArray(tables)) return undefined;
  if (typeof rowCount !== 'number' || typeof columnCount !== 'number') return undefined;
  const parsedTables = tables.filter((t): t is RegisteredTable => isRecord(t) && str(t.id) && str(t.name)).map((t) => ({ id: t.id, name: t.name }));
  return { planKey, periodKey, sectionId, sheetName, tables: parsedTables, rowCount, columnCount, writtenAt: str(writtenAt) ? writtenAt : '' };
}

/** The registry from the setting's value; anything unreadable counts as no registry (never a crash). */
export function parseRegistry(settingValue: unknown): SectionRegistry {
  const parsed = parseJson(settingValue);
  if (!isRecord(parsed) || !Array.isArray(parsed.sections)) return EMPTY_REGISTRY;
  const sections = parsed.sections.map(registeredSection).filter((s): s is RegisteredSection => s !== undefined);
  return { version: REGISTRY_VERSION, sections };
}

export function serialiseRegistry(registry: SectionRegistry): string {
  return JSON.stringify(registry);
}

/** Replaces the sections written now and keeps every other one. */
export function mergeRegistry(registry: SectionRegistry, written: readonly RegisteredSection[]): SectionRegistry {
  const kept = registry.sections.filter((s) => !written.some((w) => sameSection(s, w)));
  return { version: REGISTRY_VERSION, sections: [...kept, ...written] };
}

const EDITABLE: readonly EditableField[] = ['value', 'assessment', 'comment'];

function writeBackRow(value: unknown): DataRowWriteBack | undefined {
  if (!isRecord(value) || !isRecord(value.original)) return undefined;
  const { subjectKind, subjectRef, subjectItemId, periodKey, entryItemId, eTag, original, editable } = value;
  if (subjectKind !== 'goal' && subjectKind !== 'indicator' && subjectKind !== 'assignment' && subjectKind !== 'action') return undefined;
  if (!str(subjectRef) || !str(periodKey) || !Array.isArray(editable)) return undefined;
  const originalValue = original.value;
  const assessment = original.assessment;
  const comment = original.comment;
  if (!(originalValue === null || str(originalValue) || typeof originalValue === 'number')) return undefined;
  if (!(assessment === null || assessment === 'achieved' || assessment === 'partly' || assessment === 'not-achieved' || assessment === 'not-assessed')) return undefined;
  if (!(comment === null || str(comment))) return undefined;
  return {
    subjectKind,
    subjectRef,
    periodKey,
    ...(str(subjectItemId) ? { subjectItemId } : {}),
    ...(str(entryItemId) ? { entryItemId } : {}),
    ...(str(eTag) ? { eTag } : {}),
    original: { value: originalValue, assessment, comment },
    editable: editable.filter((f): f is EditableField => EDITABLE.includes(f as EditableField)),
  };
}

export function parseDataSnapshot(settingValue: unknown): DataSnapshot | undefined {
  const parsed = parseJson(settingValue);
  if (!isRecord(parsed) || !str(parsed.planKey) || !str(parsed.periodKey) || !isRecord(parsed.headers) || !isRecord(parsed.rows)) return undefined;
  const headers: Record<string, string> = {};
  for (const [key, header] of Object.entries(parsed.headers)) if (str(header)) headers[key] = header;
  const rows: Record<string, DataRowWriteBack> = {};
  for (const [key, row] of Object.entries(parsed.rows)) {
    const r = writeBackRow(row);
    if (r) rows[key] = r;
  }
  return { planKey: parsed.planKey, periodKey: parsed.periodKey, headers, rows };
}

export function serialiseDataSnapshot(snapshot: DataSnapshot): string {
  return JSON.stringify(snapshot);
}

/** The Data section's rows as written, by row key; undefined for every other section. */
export function dataSnapshot(report: Report, section: ReportSection): DataSnapshot | undefined {
  if (section.kind !== 'data') return undefined;
  const [table] = section.tables;
  const rows: DataSnapshot['rows'] = Object.fromEntries(table.rows.map((r) => [rowKey(r.writeBack.subjectRef, r.writeBack.periodKey), r.writeBack]));
  const headers = Object.fromEntries(table.columns.map((c) => [c.key, c.header]));
  return { planKey: report.planKey, periodKey: report.periodKey, headers, rows };
}
