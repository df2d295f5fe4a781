// `malkoll report`: a plan's report for one period as an xlsx workbook (the same tables the Excel
// add-in inserts).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isPeriodKey, periodLabel } from '../core';
import { cutTexts } from '../excel/layout';
import { reportXlsx } from '../excel/xlsx';
import { buildReport, reportUpns } from '../report';
import type { Report, ReportOptions } from '../report';
import { foundPerson, PlanNotFoundError } from '../store';
import type { FollowUpStore, LoadedPlan } from '../store';
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

export const reportCommand: Command = {
  name: 'report',
  usage: 'malkoll report --plan ORG:ÅR --period PERIOD --out rapport.xlsx [--alla-perioder] [--graph-url URL] [--site REF]',
  summary: 'Skriver rapportens tabeller (sammanfattning, målsättningar med styrtal och uppdrag, internkontrollplan, data, uppföljningsläge) till en Excel-fil.',
  help: [
    '  --plan ORG:ÅR     planen, till exempel RS:2025',
    '  --period PERIOD   perioden, till exempel 2025-annual, 2025-interim, 2025-t1 eller 2025-m03',
    '  --out FIL         xlsx-filen att skriva',
    '  --alla-perioder   datatabellen får alla perioder med uppföljningar, inte bara perioden och jämförelseåret',
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parse({
      args: [...args],
      options: { ...GRAPH_FLAGS, plan: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, 'alla-perioder': { type: 'boolean' } },
    });
    if (!values.plan || !/^[^:]+:\d{4}$/.test(values.plan)) throw new UsageError('Ange planen som organisationskod och år: --plan RS:2025');
    if (!values.period || !isPeriodKey(values.period)) {
      throw new UsageError(`Ange perioden som år och periodtyp: --period 2025-annual (helår), 2025-interim (delår), 2025-t1 (tertial) eller 2025-m03 (månad)${values.period ? `; "${values.period}" känns inte igen` : ''}.`);
    }
    if (!values.out) throw new UsageError('Ange filen att skriva: --out rapport.xlsx');
    if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`--out: "${values.out}" ska sluta på .xlsx.`);
    const session = await openGraphSession(graphTarget(values, io.env), io.env);
    const store = await session.store();
    let loaded: { plan: LoadedPlan; report: Report };
    try {
      loaded = await loadReport(store, values.plan, values.period, { dataPeriods: values['alla-perioder'] ? 'all' : 'report', roundOverview: true });
    } catch (error) {
      if (error instanceof PlanNotFoundError) {
        io.err.write(`${await planNotFound(store, values.plan, session.target.site)}\n`);
        return EXIT.failed;
      }
      throw error;
    }
    const { plan, report } = loaded;
    if (!plan.entries.some((e) => e.periodKey === values.period)) {
      io.err.write(`Obs: planen ${values.plan} har inga uppföljningar för ${periodLabel(values.period)}; tabellerna visar planen utan utfall.\n`);
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
