// The report as data (pure): plan + entries + period → sections of typed tables.
export * from './types';
export { buildReport } from './build-report';
export { buildSummarySection, SUMMARY_SECTION_ID } from './summary-section';
export { buildGoalSection, goalName, goalSectionId } from './goal-section';
export { buildInternalControlSection, INTERNAL_CONTROL_SECTION_ID } from './internal-control-section';
export { buildDataSection, DATA_SECTION_ID } from './data-section';
export { buildRoundSection, ROUND_SECTION_ID, ROUND_SHEET_NAME } from './round-section';
export { indexEntries, indicatorStatus } from './entries';
export type { EntryIndex, IndicatorStatus } from './entries';
export { excelFormatFor, figureCell, formatFigure, formatOutcome, formatTarget } from './figures';
export { actionStatusMark, assessmentMark, levelMark, trendMark } from './status-marks';
export { calendarDay, dateCell, isIsoDate } from './dates';
export { originLabel } from './origin';
export type { OriginOf } from './origin';
export { personName, personNames, reportUpns } from './people';
export type { PersonNames } from './people';
export { DATE_FORMAT } from './columns';
export { SUGGESTION_WORD, symbolCell } from './status-marks';
