/// <reference types="office-js" />
// The office-js writer: report sections into named Excel tables, in as few `context.sync()` calls
// as the data allows. One read of the workbook's sheets, tables and registry first; then each
// section is named (sheet-naming), laid out (../layout), turned into write units (write-units)
// and the units packed into batches under Excel on the web's 5 MB request limit (batching).
import type { Report } from '../../report';
import { layoutSection, printContext } from '../layout';
import { pack } from './batching';
import { DEFAULT_BATCH_BUDGET } from './payload';
import { nameSections } from './sheet-naming';
import { readWorkbookState } from './workbook-state';
import type { RegisteredSection, RegisteredTable } from './workbook-registry';
import { dataSettingKey, dataSnapshot, mergeRegistry, SECTIONS_SETTING, serialiseDataSnapshot, serialiseRegistry } from './workbook-registry';
import type { PlacedSection, WriteUnit } from './write-units';
import { sectionUnits, settingUnit } from './write-units';

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
  /**
   * The print setup (A4, fit to width, repeated header row, header and footer with plan, period and
   * day) needs ExcelApi 1.9, beyond the manifest's 1.4: set it only where the host has it
   * (`Office.context.requirements.isSetSupported('ExcelApi', '1.9')`). Default off.
   */
  readonly pageLayout?: boolean;
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

function registration(report: Report, p: PlacedSection, writtenAt: string): RegisteredSection {
  return {
    planKey: report.planKey,
    periodKey: report.periodKey,
    sectionId: p.section.id,
    sheetName: p.layout.sheetName,
    tables: p.section.tables.map((t, i) => ({ id: t.id, name: p.tableNames[i] ?? t.id })),
    rowCount: p.layout.rowCount,
    columnCount: p.layout.columnCount,
    writtenAt,
  };
}

/**
 * Writes the report's sections (all, or `options.sectionIds`) and remembers them in the workbook.
 * A section written before for the same plan and period is rewritten in place, on its own sheet,
 * under its own table names; nothing else in the workbook is touched.
 */
export async function writeReport(context: Excel.RequestContext, report: Report, options: WriteOptions = {}): Promise<WriteResult> {
  const budget = options.batchBudget ?? DEFAULT_BATCH_BUDGET;
  const capabilities = { colours: options.colours ?? true, pageLayout: options.pageLayout ?? false };
  const wanted = options.sectionIds;
  const sections = wanted ? report.sections.filter((s) => wanted.includes(s.id)) : report.sections;

  const state = await readWorkbookState(context);
  const now = options.now?.() ?? new Date();
  const print = printContext(report, now);
  const placed: PlacedSection[] = nameSections(report, sections, state).map((named) => ({ ...named, layout: layoutSection(named.section, named.sheetName, print) }));
  const writtenAt = now.toISOString();
  const registered = placed.map((p) => registration(report, p, writtenAt));

  // The registry and the Data tables' rows as written go with the last writes: a failed write
  // leaves the previous registration, never one that points at tables that were not built.
  const units: WriteUnit[] = placed.flatMap((p, i) => {
    const snapshot = dataSnapshot(report, p.section);
    const tableName = registered[i]?.tables[0]?.name;
    const tail = snapshot && tableName ? settingUnit(i, dataSettingKey(tableName), serialiseDataSnapshot(snapshot)) : undefined;
    return sectionUnits(i, p, state, budget, capabilities, tail);
  });
  units.push(settingUnit(-1, SECTIONS_SETTING, serialiseRegistry(mergeRegistry(state.registry, registered))));

  const batches = pack(units, budget);
  const syncsOf = new Map<number, number>();
  let largest = 0;
  for (const [b, batch] of batches.entries()) {
    batch.forEach((u) => u.apply(context));
    await context.sync();
    largest = Math.max(largest, batch.reduce((sum, u) => sum + u.bytes, 0));
    const touched = new Set(batch.map((u) => u.section).filter((s) => s >= 0));
    touched.forEach((s) => syncsOf.set(s, (syncsOf.get(s) ?? 0) + 1));
    const last = placed[Math.max(-1, ...touched)];
    options.onProgress?.({ done: b + 1, total: batches.length, ...(last ? { sectionTitle: last.section.title } : {}) });
  }

  const results = placed.map((p, i): SectionResult => ({
    sectionId: p.section.id,
    sheetName: p.layout.sheetName,
    tables: registered[i]?.tables ?? [],
    syncs: 1 + (syncsOf.get(i) ?? 0),
  }));
  return { syncs: 1 + batches.length, sections: results, maxSyncsPerSection: Math.max(0, ...results.map((r) => r.syncs)), largestBatchBytes: largest };
}
