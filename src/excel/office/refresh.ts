/// <reference types="office-js" />
// Refresh in place: every section the workbook remembers is rebuilt from fresh data, on its own
// sheet and under its own table names; the user's other sheets are never touched.
import type { Report } from '../../report';
import { readWorkbookState } from './workbook-state';
import type { WriteOptions, WriteResult } from './write-report';
import { writeReport } from './write-report';

export interface RefreshResult {
  readonly reports: ReadonlyArray<{ readonly planKey: string; readonly periodKey: string; readonly result: WriteResult }>;
  /** Sections the workbook remembers that the fresh report no longer has (a goal removed): left as they were. */
  readonly missing: ReadonlyArray<{ readonly planKey: string; readonly periodKey: string; readonly sectionId: string; readonly sheetName: string }>;
  readonly syncs: number;
}

/** The plans and periods the workbook holds tables of, as `loadReport` is asked for them. */
export interface RegisteredReport {
  readonly planKey: string;
  readonly periodKey: string;
  readonly sections: Array<{ readonly sectionId: string; readonly sheetName: string }>;
}

export async function registeredReports(context: Excel.RequestContext): Promise<RegisteredReport[]> {
  const { registry } = await readWorkbookState(context);
  const groups = new Map<string, RegisteredReport>();
  for (const s of registry.sections) {
    const key = `${s.planKey}\u0000${s.periodKey}`;
    const group = groups.get(key) ?? { planKey: s.planKey, periodKey: s.periodKey, sections: [] };
    group.sections.push({ sectionId: s.sectionId, sheetName: s.sheetName });
    groups.set(key, group);
  }
  return [...groups.values()];
}

export async function refreshWorkbook(
  context: Excel.RequestContext,
  loadReport: (planKey: string, periodKey: string) => Promise<Report>,
  options: Omit<WriteOptions, 'sectionIds'> = {},
): Promise<RefreshResult> {
  const groups = await registeredReports(context);
  let syncs = 1;
  const reports: Array<RefreshResult['reports'][number]> = [];
  const missing: Array<RefreshResult['missing'][number]> = [];
  for (const group of groups) {
    const report = await loadReport(group.planKey, group.periodKey);
    const present = new Set(report.sections.map((s) => s.id));
    const sectionIds = group.sections.filter((s) => present.has(s.sectionId)).map((s) => s.sectionId);
    group.sections.filter((s) => !present.has(s.sectionId)).forEach((s) => missing.push({ planKey: group.planKey, periodKey: group.periodKey, ...s }));
    if (sectionIds.length === 0) continue;
    const result = await writeReport(context, report, { ...options, sectionIds });
    syncs += result.syncs;
    reports.push({ planKey: group.planKey, periodKey: group.periodKey, result });
  }
  return { reports, missing, syncs };
}
