// Reads an xlsx back with exceljs: every named table with its sheet, headers and cells.
import ExcelJS from 'exceljs';

export interface ReadCell {
  readonly value: ExcelJS.CellValue;
  readonly type: ExcelJS.ValueType;
  readonly numFmt: string | undefined;
  readonly colour: string | undefined;
  readonly formula: string | undefined;
}

export interface ReadTable {
  readonly sheet: string;
  readonly name: string;
  readonly ref: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly ReadCell[]>;
}

interface TableModel {
  readonly table: { readonly name: string; readonly tableRef: string; readonly columns: ReadonlyArray<{ readonly name: string }> };
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

export function readTables(workbook: ExcelJS.Workbook): ReadTable[] {
  const tables: ReadTable[] = [];
  workbook.eachSheet((sheet) => {
    // exceljs types getTables() as tuples; at run time it returns the tables themselves.
    for (const { table } of sheet.getTables() as unknown as TableModel[]) {
      const [start = '', end = ''] = table.tableRef.split(':');
      const first = sheet.getCell(start);
      const last = sheet.getCell(end);
      const rows: ReadCell[][] = [];
      for (let r = Number(first.row) + 1; r <= Number(last.row); r++) {
        const row: ReadCell[] = [];
        for (let c = Number(first.col); c <= Number(last.col); c++) {
          const cell = sheet.getCell(r, c);
          row.push({ value: cell.value, type: cell.type, numFmt: cell.numFmt, colour: cell.font?.color?.argb, formula: cell.formula || undefined });
        }
        rows.push(row);
      }
      tables.push({ sheet: sheet.name, name: table.name, ref: table.tableRef, headers: table.columns.map((c) => c.name), rows });
    }
  });
  return tables;
}
