/// <reference types="office-js" />
// What the workbook holds before anything is written, read in one sync.
import type { SectionRegistry } from './workbook-registry';
import { parseRegistry, SECTIONS_SETTING } from './workbook-registry';

export interface WorkbookState {
  /** Sheet and table names as `nameKey` gives them: Excel compares names without case. */
  readonly sheetNames: Set<string>;
  readonly tableNames: Set<string>;
  readonly registry: SectionRegistry;
}

export function nameKey(name: string): string {
  return name.toLocaleLowerCase('sv');
}

/** One sync: the sheets, the tables and the registry. */
export async function readWorkbookState(context: Excel.RequestContext): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  const setting = context.workbook.settings.getItemOrNullObject(SECTIONS_SETTING).load('value');
  await context.sync();
  const value: unknown = setting.isNullObject ? undefined : setting.value;
  return {
    sheetNames: new Set(sheets.items.map((s) => nameKey(s.name))),
    tableNames: new Set(tables.items.map((t) => nameKey(t.name))),
    registry: parseRegistry(value),
  };
}
