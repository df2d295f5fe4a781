// The office-js writer of the add-in: report sections into named Excel tables, refresh in place,
// and the reading side of write-back. Every function takes the `Excel.RequestContext`, so tests run
// it against office-addin-mock and the task pane against `Excel.run`.
export { writeReport } from './write-report';
export type { SectionResult, WriteOptions, WriteProgress, WriteResult } from './write-report';
export { readWorkbookState } from './workbook-state';
export type { WorkbookState } from './workbook-state';
export { refreshWorkbook, registeredReports } from './refresh';
export type { RefreshResult, RegisteredReport } from './refresh';
export { readDataTable, recordSaved, registeredDataTables } from './read-data-table';
export type { DataTableRead, SavedRow } from './read-data-table';
export { inertText, isFormulaLike, withoutQuotePrefix } from './inert-text';
export { chunkRows, rowBytes, utf8Length, DEFAULT_BATCH_BUDGET, EXCEL_WEB_REQUEST_LIMIT } from './payload';
export { pack, bodyChunkBudget } from './batching';
export type { SizedUnit } from './batching';
export { rowKey, parseRegistry, parseDataSnapshot, SECTIONS_SETTING, dataSettingKey } from './workbook-registry';
export type { DataSnapshot, RegisteredSection, RegisteredTable, SectionRegistry } from './workbook-registry';
export { blockAddress, columnLetters, charactersToPoints } from './excel-units';
