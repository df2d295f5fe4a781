// `malkoll plan copy --plan RS:2025 --to 2026`: next year's plan from this year's, as a draft
// (src/store/plan-copy.ts), printing what went along and what stayed behind.
import { ACTION_STATUS, planKey } from '../core';
import { PlanNotFoundError } from '../store';
import type { CopyReport } from '../store/plan-copy';
import { copyPlan } from '../store/plan-copy';
import type { CommandIo } from './commands';
import { EXIT } from './commands';
import { openGraphSession } from './graph-session';
import { UsageError, graphTarget } from './options';
import { planNotFound } from './plans.command';
import { HELP_WIDTH, texts } from './texts';

/** The flags `plan copy` reads, beside the Graph flags. */
export const PLAN_COPY_FLAGS = { from: { type: 'string' }, to: { type: 'string' } } as const;

export const PLAN_COPY_HELP = [
  '  copy              kopierar planen till ett senare år som utkast: samma mål och styrtal, fleråriga',
  '                    uppdrag som inte har genomförts, riskerna med åtgärder som inte är klara',
  '                    (slutdatum flyttade); inga uppföljningar',
  '  --to ÅR           (copy) året för den nya planen, till exempel 2026',
  '  --from ORG:ÅR     (copy) detsamma som --plan',
];

/** One thing on a line of at most HELP_WIDTH columns: the title shortened to what is left. */
function thingLine(kind: string, ref: string, title: string, note: string): string {
  const room = HELP_WIDTH - [...texts.planCopy.thing(kind, ref, '', note)].length;
  const chars = [...title];
  return texts.planCopy.thing(kind, ref, chars.length <= room ? title : `${chars.slice(0, Math.max(room - 1, 10)).join('')}…`, note);
}

export function copyReportLines(report: CopyReport): string[] {
  const say = texts.planCopy;
  const { carried } = report;
  const because = (l: CopyReport['left'][number]) => (l.because === 'done' && l.status ? ACTION_STATUS[l.status].sv : say.because[l.because]);
  return [
    say.created(report.to, report.from),
    say.carried(carried.goals, carried.indicators, carried.assignments.length, carried.risks, carried.actions.length),
    ...carried.assignments.map((a) => thingLine(say.kind[a.kind], a.ref, a.title, '')),
    ...carried.actions.map((a) => thingLine(say.kind[a.kind], a.ref, a.title, a.dueDate ? say.due(a.dueDate) : '')),
    ...(report.left.length > 0 || report.followUpsLeft > 0 ? [say.left] : []),
    ...report.left.map((l) => thingLine(say.kind[l.kind], l.ref, l.title, `: ${because(l)}`)),
    ...(report.followUpsLeft > 0 ? [say.followUps(report.followUpsLeft)] : []),
    say.next(report.to),
  ];
}

export async function runPlanCopy(values: { plan?: string; from?: string; to?: string; 'graph-url'?: string; site?: string }, actorUpn: string, io: CommandIo): Promise<number> {
  const say = texts.planCopy;
  if (values.plan !== undefined && values.from !== undefined) throw new UsageError(say.planTwice);
  const from = values.plan ?? values.from;
  const match = from === undefined ? null : /^([^:]+):(\d{4})$/.exec(from);
  if (!from || !match) throw new UsageError('Ange planen som organisationskod och år: --plan RS:2025');
  const year = Number(match[2]);
  if (values.to === undefined) throw new UsageError(say.noYear(year + 1));
  if (!/^\d{4}$/.test(values.to)) throw new UsageError(say.notAYear(values.to, year + 1));
  const toYear = Number(values.to);
  if (toYear <= year) throw new UsageError(say.notLater(toYear, year));

  const session = await openGraphSession(graphTarget(values, io.env), io.env);
  const store = await session.store();
  try {
    const result = await copyPlan(store, { from, toYear }, actorUpn, (e) => io.out.write(`${texts.import.step(e.done, e.total, e.phase)}\n`));
    if (result.status === 'refused') {
      io.err.write(`${result.message}\n`);
      return EXIT.failed;
    }
    io.out.write(`${copyReportLines(result.report).join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof PlanNotFoundError)) throw error;
    io.err.write(`${await planNotFound(store, planKey(match[1] ?? '', year), session.target.site)}\n`);
    return EXIT.failed;
  }
}
