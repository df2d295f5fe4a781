// Which sheet and which Excel table names each section is written under, against what the
// workbook already holds. Pure: the workbook was read before.
import type { Report, ReportSection } from '../../report';
import type { WorkbookState } from './workbook-state';
import { nameKey } from './workbook-state';
import type { RegisteredSection } from './workbook-registry';
import { sameSection } from './workbook-registry';

export interface NamedSection {
  readonly section: ReportSection;
  readonly sheetName: string;
  /** By the section's table order. */
  readonly tableNames: readonly string[];
  /** The section as the workbook remembers it from an earlier write of the same plan and period. */
  readonly previous: RegisteredSection | undefined;
  readonly sheetExists: boolean;
}

/** `base`, or the first of `join(base, 2)`, `join(base, 3)` … that nothing has taken; then taken. */
function uniqueName(base: string, taken: Set<string>, join: (base: string, n: number) => string): string {
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) name = join(base, n);
  taken.add(nameKey(name));
  return name;
}

/** A sheet name stays within Excel's 31 characters with its suffix: "Data (2)". */
const sheetSuffix = (base: string, n: number) => `${base.slice(0, 31 - String(n).length - 3)} (${n})`;
const tableSuffix = (base: string, n: number) => `${base}_${n}`;

/**
 * A section written before keeps its sheet and table names; a new one gets the report's names,
 * suffixed when the user's sheets or another plan's tables already use them.
 */
export function nameSections(report: Report, sections: readonly ReportSection[], state: WorkbookState): NamedSection[] {
  const registered = (section: ReportSection) =>
    state.registry.sections.find((s) => sameSection(s, { planKey: report.planKey, periodKey: report.periodKey, sectionId: section.id }));
  const ours = new Set(sections.map(registered).filter((r): r is RegisteredSection => r !== undefined));
  const takenSheets = new Set(state.sheetNames);
  const takenTables = new Set(state.tableNames);
  // Names the sections being rewritten own are free for them (and only for them).
  for (const r of ours) r.tables.forEach((t) => takenTables.delete(nameKey(t.name)));
  for (const r of state.registry.sections) if (!ours.has(r)) r.tables.forEach((t) => takenTables.add(nameKey(t.name)));
  for (const r of state.registry.sections) takenSheets.add(nameKey(r.sheetName));
  return sections.map((section) => {
    const previous = registered(section);
    const sheetName = previous?.sheetName ?? uniqueName(section.sheetName, takenSheets, sheetSuffix);
    const tableNames = section.tables.map((t) => {
      const own = previous?.tables.find((p) => p.id === t.id);
      if (!own) return uniqueName(t.id, takenTables, tableSuffix);
      takenTables.add(nameKey(own.name));
      return own.name;
    });
    return { section, sheetName, tableNames, previous, sheetExists: state.sheetNames.has(nameKey(sheetName)) };
  });
}
