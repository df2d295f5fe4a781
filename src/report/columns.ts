// Column specs with the defaults the writers rely on.
import type { ColumnType, ReportColumn } from './types';

/** The Swedish short date, 2025-12-31, in the file's invariant format syntax. */
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Default number format per column type. Text-like columns are '@' so that what a user types into
 * them stays text; number columns use General because each cell carries the format of its unit.
 */
const DEFAULT_FORMAT: Readonly<Record<ColumnType, string>> = {
  text: '@',
  symbol: '@',
  date: DATE_FORMAT,
  number: 'General',
  percent: 'General',
};

export function column(
  key: string,
  header: string,
  type: ColumnType,
  width: number,
  extra: Partial<Pick<ReportColumn, 'numberFormat' | 'wrap' | 'align' | 'editable' | 'hidden'>> = {},
): ReportColumn {
  const align = extra.align ?? (type === 'symbol' ? 'center' : type === 'number' || type === 'percent' ? 'right' : 'left');
  return {
    key,
    header,
    type,
    numberFormat: extra.numberFormat ?? DEFAULT_FORMAT[type],
    width,
    wrap: extra.wrap ?? type === 'text',
    align,
    ...(extra.editable ? { editable: extra.editable } : {}),
    ...(extra.hidden ? { hidden: true } : {}),
  };
}

/** An Excel table name from parts: letters, digits and "_" only, starting with a letter. */
export function tableId(...parts: readonly string[]): string {
  const name = parts.join('_').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(name) ? name : `T_${name}`;
}

/** A worksheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31).trim();
}
