// The report as an xlsx workbook (command line): one worksheet per section, each table a named
// Excel table, laid out to print on A4 with the plan, period and day on every page.
import ExcelJS from 'exceljs';
import type { Report } from '../../report';
import type { SectionLayout } from '../layout';
import { headerFooterCode, layoutSection, printContext } from '../layout';
import { writeSectionSheet } from './section-sheet';

export interface XlsxOptions {
  /** When the figures were read: its day is printed in every page footer. Default: now. */
  readonly now?: () => Date;
}

/** Excel's paper size code for A4. */
const A4 = 9;

function pageSetup(layout: SectionLayout): Partial<ExcelJS.PageSetup> {
  const { titleRow } = layout.print;
  return {
    paperSize: A4,
    orientation: layout.orientation,
    // fitToHeight 0: as many pages tall as it takes (OOXML's "automatic"), one page wide.
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRow !== undefined ? { printTitlesRow: `${titleRow + 1}:${titleRow + 1}` } : {}),
  };
}

export function reportWorkbook(report: Report, options: XlsxOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Målkoll';
  workbook.title = `${report.planTitle}, ${report.periodLabel}`;
  workbook.subject = report.planKey;
  workbook.keywords = `malkoll plan=${report.planKey} period=${report.periodKey}`;
  const print = printContext(report, options.now?.() ?? new Date());
  for (const section of report.sections) {
    const layout = layoutSection(section, section.sheetName, print);
    const sheet = workbook.addWorksheet(layout.sheetName, {
      pageSetup: pageSetup(layout),
      headerFooter: { oddHeader: headerFooterCode(layout.print.header), oddFooter: headerFooterCode(layout.print.footer) },
      views: layout.frozenRows > 0 ? [{ state: 'frozen', ySplit: layout.frozenRows }] : [],
    });
    writeSectionSheet(sheet, layout);
  }
  return workbook;
}

/** The workbook as xlsx bytes. */
export async function reportXlsx(report: Report, options: XlsxOptions = {}): Promise<Uint8Array> {
  const buffer = await reportWorkbook(report, options).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
