/**
 * The emulator's OData module: lexer → parser → validator → parameterised SQL. Pure: no I/O, no
 * Node built-ins, nothing imported from outside this folder.
 */
export type {
  ColumnInfo,
  ColumnType,
  ComparisonOperator,
  ExpandOption,
  FieldRef,
  FilterNode,
  ODataLiteral,
  OrderByTerm,
  SqlFragment,
  LogicalNode,
} from './types';
export { isLogical } from './types';
export { ODataError, nonIndexedMessage, unknownFieldMessage } from './errors';
export type { GraphErrorBody } from './errors';
export { parseFilter, parseOrderBy, referencedFields, MAX_FILTER_DEPTH } from './parser';
export { parseSelect, parseExpand, parseTop, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query-options';
export { BUILT_IN_COLUMNS, resolveField } from './columns';
export type { ResolvedField } from './columns';
export { canonicalDateTime } from './date-time';
export { normalizeFilter } from './normalize';
export { validateQuery, prefersHonorNonIndexed, HONOR_NON_INDEXED_PREFERENCE } from './validator';
export { filterToSql, orderByToSql, jsonColumnSql } from './sql';
export type { ColumnSql } from './sql';
export { FOLD_SQL_FUNCTION, foldText, foldSql } from './collation';
export { DEFAULT_LIST_VIEW_THRESHOLD, indexNarrowing } from './threshold';
