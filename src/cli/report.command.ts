// `malkoll report`: a plan's report for one period as an xlsx workbook (the same tables the Excel
// add-in inserts); with --with-children its children's reports as bilagor, with --region
// Regionstyrelsen's uppsiktsplikt tables over regionfullmäktige's plan.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isPeriodKey, parsePlanKey, periodLabel, planKey } from '../core';
import { cutTexts } from '../excel/layout';
import { reportXlsx } from '../excel/xlsx';
import { boardPlansFor, buildRegionReport, buildReport, regionPlanFor, reportUpns } from '../report';
import type { Report, ReportOptions } from '../report';
import { foundPerson, loadOrganisationTree, PlanNotFoundError } from '../store';
import type { FollowUpStore, LoadedPlan } from '../store';
import { loadReportWithChildren } from '../addin/workbook-actions';
import type { Command } from './commands';
import { EXIT } from './commands';
import { fileProblem } from './failure';
import { openGraphSession } from './graph-session';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, UsageError, graphTarget, parse } from './options';
import { planNotFound } from './plans.command';

/**
 * Loads what a report needs and builds it: the plan with what the organisation's plan of the year
 * before reported (the comparison period's figures), in the round trips of one plan load, then the
 * names of everyone it mentions in one batched directory lookup (the lists hold UPNs only). Throws
 * PlanNotFoundError for the plan.
 */
export async function loadReport(store: Pick<FollowUpStore, 'loadPlan' | 'people'>, planKey: string, periodKey: string, options: ReportOptions = {}): Promise<{ plan: LoadedPlan; report: Report }> {
  const plan = await store.loadPlan(planKey);
  const found = await store.people({ users: reportUpns(plan, plan.entries) });
  const people = [...found.users].flatMap(([upn, lookup]) => {
    const person = foundPerson(lookup);
    return person ? [{ upn, displayName: person.displayName }] : [];
  });
  return { plan, report: buildReport({ ...plan, people }, plan.entries, periodKey, { ...options, previousYearEntries: plan.previousYearEntries }) };
}

/** The report with the children's as bilagor: the task pane's own loader, so both give the same workbook. */
export { loadReportWithChildren };

function findPlan(plans: readonly LoadedPlan[], key: string): LoadedPlan {
  const plan = plans.find((p) => planKey(p.organisation.code, p.plan.year).toLowerCase() === key.toLowerCase());
  if (!plan) throw new PlanNotFoundError(key);
  return plan;
}

function yearOf(key: string): number {
  const parsed = parsePlanKey(key);
  if (!parsed) throw new PlanNotFoundError(key);
  return parsed.year;
}

export class RegionPlanNotFoundError extends Error {
  constructor(readonly planKey: string) {
    super(`Hittar ingen plan för regionfullmäktige till ${planKey}: ingen av dess mål, styrtal eller uppdrag är givna av en plan på webbplatsen, och ingen region ligger över den i organisationsträdet. Ange regionfullmäktiges plan, till exempel --plan RF:${planKey.slice(planKey.lastIndexOf(':') + 1)}.`);
    this.name = 'RegionPlanNotFoundError';
  }
}

/** Regionstyrelsen's uppsiktsplikt tables: regionfullmäktige's plan for `key`, and every nämnd's part of it. */
export async function loadRegionReport(store: FollowUpStore, key: string, periodKey: string): Promise<{ region: LoadedPlan; boards: LoadedPlan[]; report: Report }> {
  const tree = await loadOrganisationTree(store, { year: yearOf(key) });
  const region = regionPlanFor(findPlan(tree.plans, key), tree.plans, tree.organisations);
  if (!region) throw new RegionPlanNotFoundError(key);
  const boards = boardPlansFor(region, tree.plans);
  return { region, boards, report: buildRegionReport(region, boards, periodKey) };
}

export const reportCommand: Command = {
  name: 'report',
  usage: 'malkoll report --plan ORG:ÅR --period PERIOD --out rapport.xlsx [--alla-perioder] [--with-children | --region] [--graph-url URL] [--site REF]',
  summary: 'Skriver rapportens tabeller (sammanfattning, målsättningar med styrtal och uppdrag, internkontrollplan, data, uppföljningsläge) till en Excel-fil; med --with-children de underliggande planernas rapporter som bilagor, med --region regionstyrelsens uppsiktstabeller.',
  help: [
    '  --plan ORG:ÅR     planen, till exempel RS:2025',
    '  --period PERIOD   perioden, till exempel 2025-annual, 2025-interim, 2025-t1 eller 2025-m03',
    '  --out FIL         xlsx-filen att skriva',
    '  --alla-perioder   datatabellen får alla perioder med uppföljningar, inte bara perioden och jämförelseåret',
    '  --with-children   lägger till varje underliggande plans rapport (förvaltningar, staber) som bilaga:',
    '                    dess sammanfattning, mål med styrtal och prioriterade områden med aktiviteter',
    '  --region          regionstyrelsens uppsiktstabeller: per målsättning och uppdrag från',
    '                    regionfullmäktige varje nämnds bedömning och kommentar, och regionens antal;',
    '                    --plan är regionfullmäktiges plan (RF:2025) eller en nämnds plan som hör till den',
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parse({
      args: [...args],
      options: {
        ...GRAPH_FLAGS,
        plan: { type: 'string' },
        period: { type: 'string' },
        out: { type: 'string' },
        'alla-perioder': { type: 'boolean' },
        'with-children': { type: 'boolean' },
        region: { type: 'boolean' },
      },
    });
    if (!values.plan || !/^[^:]+:\d{4}$/.test(values.plan)) throw new UsageError('Ange planen som organisationskod och år: --plan RS:2025');
    if (!values.period || !isPeriodKey(values.period)) {
      throw new UsageError(`Ange perioden som år och periodtyp: --period 2025-annual (helår), 2025-interim (delår), 2025-t1 (tertial) eller 2025-m03 (månad)${values.period ? `; "${values.period}" känns inte igen` : ''}.`);
    }
    if (!values.out) throw new UsageError('Ange filen att skriva: --out rapport.xlsx');
    if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`--out: "${values.out}" ska sluta på .xlsx.`);
    if (values['with-children'] && values.region) throw new UsageError('Välj en av --with-children (bilagor) och --region (uppsiktstabeller), inte båda.');
    const session = await openGraphSession(graphTarget(values, io.env), io.env);
    const store = await session.store();
    const options: ReportOptions = { dataPeriods: values['alla-perioder'] ? 'all' : 'report', roundOverview: true };
    let report: Report;
    try {
      if (values.region) {
        const loaded = await loadRegionReport(store, values.plan, values.period);
        report = loaded.report;
        const regionKey = loaded.report.planKey.toLowerCase();
        const anyPart = loaded.boards.some((b) => [...b.goals, ...b.indicators, ...b.assignments].some((t) => t.givenBy?.plan.toLowerCase() === regionKey));
        if (!anyPart) {
          io.err.write(`Obs: ingen nämnds plan har något givet av ${loaded.report.planKey} (givenBy); tabellerna visar regionfullmäktiges plan utan nämndernas delar.\n`);
        }
      } else if (values['with-children']) {
        const loaded = await loadReportWithChildren(store, values.plan, values.period, options);
        report = loaded.report;
        if (loaded.children.length === 0) io.err.write(`Obs: ${values.plan} har inga underliggande planer för ${loaded.plan.plan.year} (organisationer med ${loaded.plan.organisation.code} som överordnad); rapporten har inga bilagor.\n`);
        else io.out.write(`Bilagor: ${loaded.children.map((c, i) => `${i + 1} ${c.organisation.name}`).join(', ')}.\n`);
        noEntriesWarning(io, loaded.plan, values.plan, values.period);
      } else {
        const loaded = await loadReport(store, values.plan, values.period, options);
        report = loaded.report;
        noEntriesWarning(io, loaded.plan, values.plan, values.period);
      }
    } catch (error) {
      if (error instanceof PlanNotFoundError) {
        io.err.write(`${await planNotFound(store, values.plan, session.target.site)}\n`);
        return EXIT.failed;
      }
      if (error instanceof RegionPlanNotFoundError) {
        io.err.write(`${error.message}\n`);
        return EXIT.failed;
      }
      throw error;
    }
    const file = path.resolve(io.cwd, values.out);
    try {
      await writeFile(file, await reportXlsx(report));
    } catch (error) {
      io.err.write(`${fileProblem(error, values.out, true)}\n`);
      return EXIT.failed;
    }
    const tables = report.sections.reduce((n, s) => n + s.tables.length, 0);
    io.out.write(`Skrev ${values.out}: ${report.planTitle}, ${report.periodLabel}; ${report.sections.length} flikar, ${tables} tabeller.\n`);
    const cut = cutTexts(report);
    if (cut > 0) io.err.write(`Varning: ${cut} ${cut === 1 ? 'text var' : 'texter var'} längre än Excels gräns på 32 767 tecken per cell och kortades i arbetsboken (markerade "avkortad"); hela texten finns kvar i Målkoll.\n`);
    return EXIT.ok;
  },
};

function noEntriesWarning(io: { err: { write(text: string): unknown } }, plan: LoadedPlan, key: string, periodKey: string): void {
  if (!plan.entries.some((e) => e.periodKey === periodKey)) {
    io.err.write(`Obs: planen ${key} har inga uppföljningar för ${periodLabel(periodKey)}; tabellerna visar planen utan utfall.\n`);
  }
}
