// Write-back from the Data table, the pure part: parsing edited cells and finding what changed.
export { diffDataRows } from './diff-rows';
export type { DataDiff, EntryEdit, FieldChange, ReadTable, RowChange, RowRefusal } from './diff-rows';
export { parseAssessment, parseComment, parseOutcome } from './parse-cells';
export type { Outcome, Parsed, ReadCell } from './parse-cells';
