// What the task pane's buttons do, without React: load a plan's report, write sections, refresh
// everything the workbook remembers, review and send Data-table changes. The bench and the tests
// call these with office-addin-mock's context and the in-process emulator.
/// <reference types="office-js" />
import type { DataTableRead, RefreshResult, WriteProgress, WriteResult } from '../excel/office';
import { readDataTable, recordSaved, refreshWorkbook, registeredDataTables, registeredReports, writeReport } from '../excel/office';
import type { DataDiff } from '../excel/write-back';
import { diffDataRows } from '../excel/write-back';
import type { Report, ReportOptions, ReportSection } from '../report';
import { appendChildReports, buildReport, childPlansOf, reportUpns } from '../report';
import type { FollowUpStore, LoadedPlan } from '../store';
import { foundPerson, loadOrganisationTree } from '../store';
import type { Person } from '../core';
import { parsePlanKey } from '../core';
import type { ExcelHost } from './office-host';
import type { SendOutcome } from './send-changes';
import { savedRows, sendChanges, valueTypes } from './send-changes';
import { TEXT } from './strings';

export type SectionGroup = 'summary' | 'goals' | 'internal-control' | 'data';

export const ALL_GROUPS: readonly SectionGroup[] = ['summary', 'goals', 'internal-control', 'data'];

// Uppföljningsläge (kind 'round') goes with the Data choice: both are the controller's working sheets.
const GROUP_OF: Readonly<Record<ReportSection['kind'], SectionGroup>> = { summary: 'summary', goal: 'goals', 'internal-control': 'internal-control', data: 'data', round: 'data' };

/** Which of the task pane's choices a section belongs to. */
export function groupOf(section: Pick<ReportSection, 'kind'>): SectionGroup {
  return GROUP_OF[section.kind];
}

type ReportStore = Pick<FollowUpStore, 'loadPlan' | 'people'>;

/** The plan, then its people's names in one batched directory lookup (the lists hold UPNs only), and the report. */
export async function loadReport(store: ReportStore, planKey: string, periodKey: string): Promise<{ plan: LoadedPlan; report: Report }> {
  const plan = await store.loadPlan(planKey);
  const found = await store.people({ users: reportUpns(plan, plan.entries) });
  const people = [...found.users].flatMap(([upn, lookup]) => {
    const person = foundPerson(lookup);
    return person ? [{ upn, displayName: person.displayName }] : [];
  });
  return { plan, report: buildReport({ ...plan, people }, plan.entries, periodKey, { previousYearEntries: plan.previousYearEntries, roundOverview: true }) };
}

/** Everyone the plans mention, by name, in one batched directory lookup. */
async function namesOf(store: Pick<FollowUpStore, 'people'>, plans: readonly LoadedPlan[]): Promise<Person[]> {
  const upns = [...new Set(plans.flatMap((p) => reportUpns(p, p.entries)))];
  const found = await store.people({ users: upns });
  return [...found.users].flatMap(([upn, lookup]) => {
    const person = foundPerson(lookup);
    return person ? [{ upn, displayName: person.displayName }] : [];
  });
}

/**
 * The parent's report with each child's (the plans of the same year whose organisation lies
 * directly under it) appended as a bilaga: the parent as `loadPlan` has it (with last year's
 * entries, for its trends) beside the year's tree, then one lookup of names. The task pane's
 * "med bilagor" and `malkoll report --with-children` both build it here.
 */
export async function loadReportWithChildren(store: FollowUpStore, key: string, periodKey: string, options: ReportOptions = {}): Promise<{ plan: LoadedPlan; children: LoadedPlan[]; report: Report }> {
  const year = parsePlanKey(key)?.year ?? 0;
  const [plan, tree] = await Promise.all([store.loadPlan(key), loadOrganisationTree(store, { year })]);
  const children = childPlansOf(plan, tree.plans);
  const people = await namesOf(store, [plan, ...children]);
  const report = buildReport({ ...plan, people }, plan.entries, periodKey, { ...options, previousYearEntries: plan.previousYearEntries });
  const asChild = (p: LoadedPlan) => ({ plan: { ...p, people }, entries: p.entries, previousYearEntries: p.previousYearEntries });
  return { plan, children, report: appendChildReports(report, asChild(plan), children.map(asChild), options.goalKinds ? { goalKinds: options.goalKinds } : {}) };
}

/** What the host can do beyond the manifest's ExcelApi 1.4, as the writer takes it. */
function capabilities(host: ExcelHost): { colours: boolean; pageLayout: boolean } {
  return { colours: host.supportsColours, pageLayout: host.supportsPageLayout ?? false };
}

export async function insertSections(
  host: ExcelHost,
  store: ReportStore,
  planKey: string,
  periodKey: string,
  groups: readonly SectionGroup[],
  onProgress?: (progress: WriteProgress) => void,
  /** The children's reports as bilagor: needs the whole store (the year's tree). */
  withChildren?: FollowUpStore,
): Promise<{ report: Report; result: WriteResult }> {
  const { report } = withChildren ? await loadReportWithChildren(withChildren, planKey, periodKey, { roundOverview: true }) : await loadReport(store, planKey, periodKey);
  const sectionIds = report.sections.filter((s) => groups.includes(GROUP_OF[s.kind])).map((s) => s.id);
  const result = await host.run((context) => writeReport(context, report, { sectionIds, ...capabilities(host), ...(onProgress ? { onProgress } : {}) }));
  return { report, result };
}

/** A bilaga's sections are `bilaga{n}-…` (src/report/appendix.ts): a workbook that has them was inserted "med bilagor". */
const isAppendixSection = (sectionId: string) => /^bilaga\d+-/.test(sectionId);

/**
 * Rewrites every report the workbook remembers from what Målkoll holds now. A report inserted with
 * bilagor is loaded with its children again (`withChildren`, the whole store), so its bilagor are
 * renewed too instead of being left behind as gone from the plan.
 */
export async function refreshAll(host: ExcelHost, store: ReportStore, onProgress?: (progress: WriteProgress) => void, withChildren?: FollowUpStore): Promise<RefreshResult> {
  const registered = withChildren ? await host.run((context) => registeredReports(context)) : [];
  const hasBilagor = new Set(registered.filter((g) => g.sections.some((s) => isAppendixSection(s.sectionId))).map((g) => `${g.planKey}|${g.periodKey}`));
  const load = async (planKey: string, periodKey: string): Promise<Report> =>
    withChildren && hasBilagor.has(`${planKey}|${periodKey}`)
      ? (await loadReportWithChildren(withChildren, planKey, periodKey, { roundOverview: true })).report
      : (await loadReport(store, planKey, periodKey)).report;
  return host.run((context) => refreshWorkbook(context, load, { ...capabilities(host), ...(onProgress ? { onProgress } : {}) }));
}

export interface Review {
  readonly planKey: string;
  readonly periodKey: string;
  readonly read: DataTableRead;
  readonly plan: LoadedPlan;
  readonly diff: DataDiff;
}

/** The Data table of the chosen plan and period (else the first one the workbook has), compared with what was written. */
export async function reviewChanges(host: ExcelHost, store: Pick<FollowUpStore, 'loadPlan'>, prefer?: { planKey: string; periodKey: string }): Promise<Review | { problem: string }> {
  const tables = await host.run((context) => registeredDataTables(context));
  const chosen = tables.find((t) => t.planKey === prefer?.planKey && t.periodKey === prefer?.periodKey) ?? tables[0];
  const tableName = chosen?.tables[0]?.name;
  if (!chosen || !tableName) return { problem: TEXT.noDataTable };
  const read = await host.run((context) => readDataTable(context, tableName));
  if (!read.snapshot) return { problem: TEXT.noSnapshot };
  const snapshot = read.snapshot;
  const plan = await store.loadPlan(chosen.planKey);
  return { planKey: chosen.planKey, periodKey: chosen.periodKey, read, plan, diff: diffDataRows(read, snapshot, valueTypes(plan)) };
}

/**
 * Rows typed into the workbook's Data tables and not sent yet: what a refresh would overwrite. The
 * task pane asks before it does.
 */
export async function unsentEdits(host: ExcelHost): Promise<number> {
  const tables = await host.run((context) => registeredDataTables(context));
  let count = 0;
  for (const table of tables) {
    const name = table.tables[0]?.name;
    if (!name) continue;
    const read = await host.run((context) => readDataTable(context, name));
    if (!read.snapshot) continue;
    const diff = diffDataRows(read, read.snapshot);
    count += diff.changes.length + diff.refusals.length;
  }
  return count;
}

/** Sends the reviewed changes and records the saved rows in the workbook. */
export async function sendReviewed(
  host: ExcelHost,
  store: Pick<FollowUpStore, 'saveEntry'>,
  review: Review,
  upn: string,
  onProgress?: (done: number, total: number) => void,
): Promise<SendOutcome[]> {
  const outcomes = await sendChanges(store, review.plan, review.diff.changes, { upn, ...(onProgress ? { onProgress } : {}) });
  await host.run((context) => recordSaved(context, review.read, savedRows(outcomes)));
  return outcomes;
}
