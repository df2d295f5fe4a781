export { reportWorkbook, reportXlsx } from './workbook';
