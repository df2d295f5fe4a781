export { reportWorkbook, reportXlsx } from './workbook';
export type { XlsxOptions } from './workbook';
