// What `malkoll import` prints after the work: the counts, in a dry run the change set, and the
// reports it kept or wrote over, the things the document no longer has, and a plan status it left.
import { ACTION_STATUS, GOAL_ASSESSMENT, LEVEL, PLAN_STATUS, TREND, formatSwedishNumber, periodLabel } from '../core';
import type { ActionStatus, Assessment, Level, PlanStatus, Trend } from '../core';
import { listSpec } from '../lists/schema';
import type { ImportReport, PlanThing, ReportedChange } from '../store/plan-import';
import { texts } from './texts';

/** What a follow-up's columns are called where people read them. */
const FIELD: Readonly<Record<string, string>> = {
  Value: 'utfall',
  Level: 'nivå',
  Reference: 'referensvärde',
  Assessment: 'bedömning',
  Trend: 'trend',
  Status: 'status',
  Comment: 'kommentar',
};

const TITLE_WIDTH = 70;

function shortened(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** A stored or document value as Swedish: numbers with a decimal comma, codes by their label. */
function valueText(field: string, value: unknown): string {
  const say = texts.import;
  if (value === null || value === undefined || value === '') return say.empty;
  if (typeof value === 'number') return formatSwedishNumber(value);
  const code = String(value);
  const label =
    field === 'Status' ? ACTION_STATUS[code as ActionStatus]?.sv : field === 'Assessment' ? GOAL_ASSESSMENT[code as Assessment]?.sv : field === 'Level' ? LEVEL[code as Level]?.sv : field === 'Trend' ? TREND[code as Trend]?.sv : undefined;
  return label ?? `"${shortened(code, 40)}"`;
}

function reportedLine(change: ReportedChange): string {
  const say = texts.import;
  const subject = change.periodKey ? `${change.subject}, ${periodLabel(change.periodKey)}` : change.subject;
  const changes = change.fields.map((f) => say.change(FIELD[f.field] ?? f.field, valueText(f.field, f.stored), valueText(f.field, f.document))).join(', ');
  const by = change.reportedByUpn ? say.reportedBy(change.reportedByUpn, change.reportedAt?.slice(0, 10) ?? '') : '';
  return say.reported(subject, changes, by);
}

function thingLine(thing: PlanThing): string {
  return texts.import.thing(thing.name, thing.title ? `«${shortened(thing.title, TITLE_WIDTH)}»` : '');
}

function columnNames(list: Parameters<typeof listSpec>[0], fields: readonly string[]): string {
  const columns = listSpec(list).columns;
  return fields.map((name) => columns.find((c) => c.name === name || `${c.name}LookupId` === name)?.displayName ?? (name === 'Title' ? 'Rubrik' : name)).join(', ');
}

function section(heading: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [heading, ...lines];
}

export function importReportLines(report: ImportReport): string[] {
  const say = texts.import;
  const status = (code: string) => PLAN_STATUS[code as PlanStatus]?.sv ?? code;
  return [
    report.dryRun ? say.dryRun(report.planKey, report.created, report.updated, report.unchanged) : say.done(report.planKey, report.created, report.updated, report.unchanged),
    ...(report.dryRun ? report.changes.map((c) => (c.action === 'create' ? say.created(c.name) : say.updated(c.name, columnNames(c.list, c.fields)))) : []),
    ...section(say.kept, report.kept.map(reportedLine)),
    ...section(say.overwritten, report.overwritten.map(reportedLine)),
    ...section(report.archived.length > 0 ? say.archived : say.missing, report.missing.map(thingLine)),
    ...section(say.stillArchived, report.stillArchived.map(thingLine)),
    ...(report.planStatusKept ? [say.statusKept(status(report.planStatusKept.stored), status(report.planStatusKept.document))] : []),
  ];
}
