// The one layout model of a report section on a worksheet, which both Excel writers place from.
export { layoutSection } from './layout-section';
export { cellNumberFormat, cellValue } from './layout-table';
export { linesNeeded, textHeight, MAX_ROW_HEIGHT } from './text-size';
export { TEXT_FORMAT } from './model';
export { CELL_TEXT_LIMIT, CUT_MARKER, cutTexts, fitCellText, isCut } from './cell-text';
export { TABLE_STYLE } from './formats';
export { excelSerialDay, isoDayOfSerial } from './excel-date';
export { headerFooterCode, printContext } from './print-setup';
export type { PrintContext } from './print-setup';
export type { CellBlock, CellFormat, ColourRule, ExcelValue, FormatBlock, HeaderFooterParts, HorizontalAlignment, PrintSetup, RowHeight, SectionLayout, TableLayout, TextLine } from './model';
