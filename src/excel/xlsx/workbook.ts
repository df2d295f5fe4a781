// The report as an xlsx workbook (command line): one worksheet per section, each table a named
// Excel table, laid out to print on A4.
import ExcelJS from 'exceljs';
import type { Report } from '../../report';
import { layoutSection } from '../layout';
import { writeSectionSheet } from './section-sheet';

export function reportWorkbook(report: Report): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Målkoll';
  workbook.title = `${report.planTitle}, ${report.periodLabel}`;
  workbook.subject = report.planKey;
  workbook.keywords = `malkoll plan=${report.planKey} period=${report.periodKey}`;
  for (const section of report.sections) {
    const layout = layoutSection(section);
    const sheet = workbook.addWorksheet(layout.sheetName, {
      pageSetup: { paperSize: 9, orientation: layout.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: layout.frozenRows > 0 ? [{ state: 'frozen', ySplit: layout.frozenRows }] : [],
    });
    writeSectionSheet(sheet, layout);
  }
  return workbook;
}

/** The workbook as xlsx bytes. */
export async function reportXlsx(report: Report): Promise<Uint8Array> {
  const buffer = await reportWorkbook(report).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
