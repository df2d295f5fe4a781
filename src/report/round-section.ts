// Uppföljningsläge as a sheet of the report: the period's deadline and lock on top, then the counts
// per state, per owner and per goal, and every item with its state (the table's filter on Läge
// gives what is not yet klar). The numbers are core's roundOverview, as the tab and `malkoll
// status` show them.
import type { ItemState, RoundOverview, StateCounts } from '../core';
import { ITEM_STATE, ITEM_STATES } from '../core';
import { column } from './columns';
import { calendarDay, dateCell } from './dates';
import { EMPTY, plainNumberCell, textCell } from './figures';
import type { PersonNames } from './people';
import type { ReportCell, ReportColumn, ReportParagraph, ReportRow, ReportTable, RoundSection } from './types';

export const ROUND_SECTION_ID = 'uppfoljningslage';
export const ROUND_SHEET_NAME = 'Uppföljningsläge';

const KIND_LABEL = { goal: 'Mål', indicator: 'Styrtal', assignment: 'Uppdrag', action: 'Åtgärd' } as const;

export function stateCell(state: ItemState): ReportCell {
  const { symbol, sv } = ITEM_STATE[state];
  return textCell(`${symbol} ${sv}`);
}

const countColumns = (): ReportColumn[] => [...ITEM_STATES.map((s) => column(s, ITEM_STATE[s].sv, 'number', 12, { numberFormat: '0' })), column('total', 'Totalt', 'number', 10, { numberFormat: '0' })];

function countCells(counts: StateCounts): Record<string, ReportCell> {
  return { ...Object.fromEntries(ITEM_STATES.map((s) => [s, plainNumberCell(counts[s])])), total: plainNumberCell(counts.total) };
}

function countsTable(id: string, title: string, nameHeader: string, rows: ReadonlyArray<{ name: string; counts: StateCounts }>, total: StateCounts): ReportTable {
  const body: ReportRow[] = rows.map((r) => ({ style: 'item', cells: { name: textCell(r.name), ...countCells(r.counts) } }));
  return {
    id,
    title,
    columns: [column('name', nameHeader, 'text', 44), ...countColumns()],
    rows: [...body, { style: 'total', cells: { name: textCell('Totalt'), ...countCells(total) } }],
  };
}

function lockText(overview: RoundOverview, names: PersonNames): string {
  if (!overview.locked) return 'Perioden är öppen för rapportering.';
  const when = calendarDay(overview.lockedAt);
  const who = names(overview.lockedByUpn);
  return `Perioden är låst${when ? ` ${when}` : ''}${who ? ` av ${who}` : ''}.`;
}

/** The sheet of one plan's period; `names` gives people by display name. */
export function buildRoundSection(overview: RoundOverview, names: PersonNames): RoundSection {
  const paragraphs: ReportParagraph[] = [
    { style: 'heading', text: `Uppföljningsläge ${overview.periodLabel}` },
    { style: 'text', text: `${overview.deadline ? `Sista dag ${overview.deadline}. ` : ''}${lockText(overview, names)}` },
  ];
  const byState: ReportTable = {
    id: 'Uppfoljningslage_lage',
    title: 'Per läge',
    columns: [column('state', 'Läge', 'text', 20, { wrap: false }), column('count', 'Antal', 'number', 10, { numberFormat: '0' })],
    rows: [
      ...ITEM_STATES.map((s): ReportRow => ({ style: 'item', cells: { state: stateCell(s), count: plainNumberCell(overview.counts[s]) } })),
      { style: 'total', cells: { state: textCell('Totalt'), count: plainNumberCell(overview.counts.total) } },
    ],
  };
  const items: ReportTable = {
    id: 'Uppfoljningslage_poster',
    title: 'Poster',
    columns: [
      column('kind', 'Typ', 'text', 10, { wrap: false }),
      column('number', 'Mål nr', 'text', 8, { wrap: false }),
      column('title', 'Titel', 'text', 50),
      column('owner', 'Ansvarig', 'text', 22),
      column('state', 'Läge', 'text', 18, { wrap: false }),
      column('stateBy', 'Läge satt av', 'text', 22),
      column('stateAt', 'Läge satt', 'date', 12),
      column('returnComment', 'Kommentar vid återremiss', 'text', 40),
    ],
    rows: overview.items.map(
      (item): ReportRow => ({
        style: 'item',
        subject: { kind: item.kind, ref: item.ref },
        cells: {
          kind: textCell(KIND_LABEL[item.kind]),
          number: textCell(item.number),
          title: textCell(item.title),
          owner: textCell(names(item.ownerUpn)),
          state: stateCell(item.state),
          stateBy: textCell(names(item.stateByUpn)),
          stateAt: item.stateAt ? dateCell(calendarDay(item.stateAt)) : EMPTY,
          returnComment: textCell(item.returnComment),
        },
      }),
    ),
  };
  return {
    kind: 'round',
    id: ROUND_SECTION_ID,
    title: `Uppföljningsläge ${overview.periodLabel}`,
    sheetName: ROUND_SHEET_NAME,
    paragraphs,
    tables: [
      byState,
      countsTable('Uppfoljningslage_ansvarig', 'Per ansvarig', 'Ansvarig', overview.byOwner.map((o) => ({ name: names(o.ownerUpn) ?? 'Ingen ansvarig', counts: o.counts })), overview.counts),
      countsTable('Uppfoljningslage_mal', 'Per mål', 'Mål', overview.byGoal.map((g) => ({ name: g.title, counts: g.counts })), overview.counts),
      items,
    ],
  };
}
