/**
 * How SharePoint compares text: without regard to case (its SQL collation is case-insensitive and
 * accent-sensitive, so `RS` equals `rs` but `å` is not `a`). One fold, used by the query SQL and by
 * the store's unique check and indexes, so a filter and a unique clash always agree.
 */

/** The SQL function the list store registers with `foldText` (see lists/schema.ts). */
export const FOLD_SQL_FUNCTION = 'malkoll_fold';

/** The comparison key of a text: NFC, lower case (every script's case rules, not only ASCII). */
export function foldText(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/** The folded form of a SQL expression; the same text as the store's folded indexes, so they are used. */
export function foldSql(expr: string): string {
  return `${FOLD_SQL_FUNCTION}(${expr})`;
}
