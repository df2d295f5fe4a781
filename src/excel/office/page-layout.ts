/// <reference types="office-js" />
// A section sheet's hidden technical columns (`Range.columnHidden`, ExcelApi 1.2) and its print
// setup (`Worksheet.pageLayout`, ExcelApi 1.9), in office-js terms. The manifest asks for ExcelApi
// 1.4, so the print setup is applied only where the host has 1.9: the caller says, the writer
// never probes.
import type { HeaderFooterParts, SectionLayout } from '../layout';
import { columnsAddress } from './excel-units';
import { OPERATION_BYTES, utf8Length } from './payload';

/** Consecutive columns as runs, so the Data table's four technical columns are one range. */
function runs(columns: readonly number[]): Array<{ first: number; count: number }> {
  const sorted = [...columns].sort((a, b) => a - b);
  const out: Array<{ first: number; count: number }> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.first + last.count === c) last.count += 1;
    else out.push({ first: c, count: 1 });
  }
  return out;
}

export function hideColumns(sheet: Excel.Worksheet, layout: SectionLayout): void {
  for (const run of runs(layout.hiddenColumns)) sheet.getRange(columnsAddress(run.first, run.count)).columnHidden = true;
}

export function hiddenColumnsBytes(layout: SectionLayout): number {
  return OPERATION_BYTES * 2 * runs(layout.hiddenColumns).length;
}

function setParts(target: Excel.HeaderFooter, header: HeaderFooterParts, footer: HeaderFooterParts): void {
  target.leftHeader = header.left;
  target.centerHeader = header.center;
  target.rightHeader = header.right;
  target.leftFooter = footer.left;
  target.centerFooter = footer.center;
  target.rightFooter = footer.right;
}

/** A4 in the section's orientation, one page wide, the table header on every page, header and footer. */
export function applyPrintSetup(sheet: Excel.Worksheet, layout: SectionLayout): void {
  const page = sheet.pageLayout;
  const { print } = layout;
  page.orientation = layout.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  // 0 pages tall: as many as it takes, as OOXML's fitToHeight="0" (Excel's "fit all columns on one page").
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRow !== undefined) page.setPrintTitleRows(`$${print.titleRow + 1}:$${print.titleRow + 1}`);
  setParts(page.headersFooters.defaultForAllPages, print.header, print.footer);
}

export function printSetupBytes(layout: SectionLayout): number {
  const { header, footer } = layout.print;
  const text = [header.left, header.center, header.right, footer.left, footer.center, footer.right].reduce((sum, t) => sum + utf8Length(t), 0);
  return OPERATION_BYTES * 12 + text;
}
