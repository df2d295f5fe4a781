// How a section prints: A4, fit to the page width, the table header repeated on every page, and a
// header and footer that say which plan, which period and when the figures were taken, so a page
// that comes loose from the pile still says what it is.
import type { Report } from '../../report';
import { calendarDay } from '../../report';
import type { HeaderFooterParts, PrintSetup, TableLayout } from './model';

/** What every printed page of a report says about it. */
export interface PrintContext {
  readonly planTitle: string;
  readonly periodLabel: string;
  /** The day the figures were taken, as printed ("2026-01-15"). */
  readonly date: string;
}

/** Excel refuses a header or footer longer than 255 characters, codes included. */
const MAX_PART = 80;

/** `at` is when the figures were read: its day in Sweden is printed. */
export function printContext(report: Pick<Report, 'planTitle' | 'periodLabel'>, at: Date): PrintContext {
  return { planTitle: report.planTitle, periodLabel: report.periodLabel, date: calendarDay(at.toISOString()) ?? '' };
}

/** Text as a header literal: "&" starts a code in Excel's header syntax, "&&" prints one. */
function literal(text: string): string {
  const short = text.length > MAX_PART ? `${text.slice(0, MAX_PART - 1).trimEnd()}…` : text;
  return short.replace(/&/g, '&&');
}

/**
 * `tables` as laid out on the sheet. Only a sheet with a single table repeats its header: on a goal
 * sheet the styrtal header over the uppdrag rows would mislabel them.
 */
export function printSetup(tables: readonly TableLayout[], context: PrintContext | undefined): PrintSetup {
  const [only] = tables.length === 1 ? tables : [];
  const header: HeaderFooterParts = context ? { left: literal(context.planTitle), center: '', right: literal(context.periodLabel) } : { left: '', center: '', right: '' };
  const footer: HeaderFooterParts = { left: context ? literal(`Hämtad ur Målkoll ${context.date}`) : '', center: 'Sida &P av &N', right: '&A' };
  return { paper: 'A4', fitToWidth: true, ...(only ? { titleRow: only.headerRow } : {}), header, footer };
}

/** The three parts as one xlsx header string ("&L…&C…&R…"). */
export function headerFooterCode(parts: HeaderFooterParts): string {
  return [['&L', parts.left], ['&C', parts.center], ['&R', parts.right]].filter(([, text]) => text !== '').map(([code, text]) => `${code ?? ''}${text ?? ''}`).join('');
}
