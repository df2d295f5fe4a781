// `malkoll status --plan RS:2025 --period 2025-annual [--inte-klara]`: Uppföljningsläge on the
// command line — the period's deadline and lock, the counts per state, per owner and per goal,
// and with --inte-klara what is not yet klar, item by item.
import type { ItemState, RoundItem, RoundOverview, StateCounts } from '../core';
import { ITEM_STATE, ITEM_STATES, calendarDate, deadlineDateLabel, deadlineStatus, roundItemName, roundOverview } from '../core';
import type { Command } from './commands';
import { EXIT } from './commands';
import { openGraphSession } from './graph-session';
import { GRAPH_FLAGS, GRAPH_FLAGS_HELP, graphTarget, parse } from './options';
import { swedishTime } from './period.command';
import { checkPlanAndPeriod, displayNames, loadPlanWithPeriod } from './round-options';

const HEADERS = ITEM_STATES.map((s) => ITEM_STATE[s].sv);

/** One table of counts: a name column, a column per state, and the total. */
export function countsTable(heading: string, rows: ReadonlyArray<{ name: string; counts: StateCounts }>): string[] {
  const nameWidth = Math.min(48, Math.max(heading.length, ...rows.map((r) => r.name.length)));
  const fit = (name: string) => (name.length > nameWidth ? `${name.slice(0, nameWidth - 1)}…` : name.padEnd(nameWidth));
  const cells = (values: readonly string[]) => values.map((v, i) => v.padStart((HEADERS[i] ?? 'Totalt').length)).join('  ');
  return [
    `  ${heading.padEnd(nameWidth)}  ${cells([...HEADERS, 'Totalt'])}`,
    ...rows.map((r) => `  ${fit(r.name)}  ${cells([...ITEM_STATES.map((s) => String(r.counts[s])), String(r.counts.total)])}`),
  ];
}

const PLURAL: Readonly<Record<ItemState, string>> = { 'not-started': 'ej påbörjade', draft: 'utkast', done: 'klara', approved: 'godkända', returned: 'återremitterade' };

function summaryLine(counts: StateCounts): string {
  const parts = ITEM_STATES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${counts[s] === 1 ? ITEM_STATE[s].sv.toLowerCase() : PLURAL[s]}`);
  return `${counts.total} ${counts.total === 1 ? 'post' : 'poster'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
}

export function statusText(overview: RoundOverview, names: (upn: string | undefined) => string, asOf: string, onlyUnfinished: boolean): string {
  const lines = [`Uppföljningsläge ${overview.periodLabel}, ${overview.planTitle} (${overview.planKey})`];
  const deadline = overview.deadline ? `Sista dag ${deadlineText(overview.deadline, asOf)}.` : 'Ingen sista dag satt.';
  const lock = overview.locked
    ? `Låst${overview.lockedAt ? ` ${swedishTime(overview.lockedAt)}` : ''}${overview.lockedByUpn ? ` av ${names(overview.lockedByUpn)}` : ''}.`
    : 'Öppen för rapportering.';
  lines.push(`${deadline} ${lock}`);
  lines.push(onlyUnfinished ? `Inte klara: ${summaryLine(overview.counts)}` : `Totalt ${summaryLine(overview.counts)}`);
  if (overview.items.length === 0) return `${lines.join('\n')}\n`;
  lines.push('', ...countsTable('Per ansvarig', overview.byOwner.map((o) => ({ name: names(o.ownerUpn), counts: o.counts }))));
  lines.push('', ...countsTable('Per mål', overview.byGoal.map((g) => ({ name: g.title, counts: g.counts }))));
  if (onlyUnfinished) {
    lines.push('', '  Poster som inte är klara');
    for (const item of overview.items) lines.push(`  ${itemLine(item, names)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** "31 januari 2026 (om 5 dagar)": the year always, this is a record as much as a countdown. */
function deadlineText(deadline: string, asOf: string): string {
  const day = deadlineDateLabel(deadline, asOf);
  const dated = deadline.slice(0, 4) === asOf.slice(0, 4) ? `${day} ${deadline.slice(0, 4)}` : day;
  const status = deadlineStatus({ deadline }, asOf);
  if (!status) return dated;
  const left = status.daysLeft;
  const when = left === 0 ? 'i dag' : left > 0 ? `om ${left} ${left === 1 ? 'dag' : 'dagar'}` : `passerad för ${-left} ${left === -1 ? 'dag' : 'dagar'} sedan`;
  return `${dated} (${when})`;
}

function itemLine(item: RoundItem, names: (upn: string | undefined) => string): string {
  const returned = item.state === 'returned' && item.returnComment ? `: ”${item.returnComment}”` : '';
  return `${roundItemName(item)} — ${names(item.ownerUpn)}${returned}`;
}

export const statusCommand: Command = {
  name: 'status',
  usage: 'malkoll status --plan ORG:ÅR --period PERIOD [--inte-klara] [--graph-url URL] [--site REF]',
  summary: 'Visar uppföljningsläget för en plans period: sista dag och lås, antal poster per läge (ej påbörjad, utkast, klar, godkänd, återremitterad), per ansvarig och per mål.',
  help: [
    '  --plan ORG:ÅR     planen, till exempel RS:2025',
    '  --period PERIOD   perioden, till exempel 2025-annual',
    '  --inte-klara      bara det som inte är klart, och varje sådan post med ansvarig',
    GRAPH_FLAGS_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parse({ args: [...args], options: { ...GRAPH_FLAGS, plan: { type: 'string' }, period: { type: 'string' }, 'inte-klara': { type: 'boolean' } } });
    const { plan: key, period } = checkPlanAndPeriod(values);
    const session = await openGraphSession(graphTarget(values, io.env), io.env);
    const store = await session.store();
    const loaded = await loadPlanWithPeriod(store, key, period, session.target.site);
    if ('problem' in loaded) {
      io.err.write(`${loaded.problem}\n`);
      return EXIT.failed;
    }
    const onlyUnfinished = values['inte-klara'] === true;
    const overview = roundOverview(loaded.plan, period, onlyUnfinished ? 'not-finished' : 'all');
    const names = await displayNames(store, [...overview.byOwner.map((o) => o.ownerUpn), overview.lockedByUpn]);
    io.out.write(statusText(overview, names, calendarDate(new Date()), onlyUnfinished));
    return EXIT.ok;
  },
};
