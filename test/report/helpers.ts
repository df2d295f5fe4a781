// The 2025 fixture as a report, without an emulator.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { documentToModel, plainSpaces } from '../../src/core';
import type { PlanDocument } from '../../src/core';
import { buildReport } from '../../src/report';
import type { Report, ReportOptions, ReportRow, ReportSection, ReportTable } from '../../src/report';

export function fixtureModel(name = 'rs-2025.json'): ReturnType<typeof documentToModel> {
  const doc = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'plans', name), 'utf8')) as PlanDocument;
  return documentToModel(doc);
}

export function report2025(options: ReportOptions = {}): Report {
  const { contents, entries } = fixtureModel();
  return buildReport(contents, entries, '2025-annual', options);
}

export function section<K extends ReportSection['kind']>(report: Report, kind: K, id?: string): Extract<ReportSection, { kind: K }> {
  const found = report.sections.find((s) => s.kind === kind && (id === undefined || s.id === id));
  if (!found) throw new Error(`no ${kind} section ${id ?? ''}`);
  return found as Extract<ReportSection, { kind: K }>;
}

/** A row as "a | b | c" with plain spaces, as the seed prints it. */
export function rowText(table: ReportTable, row: ReportRow, keys = table.columns.map((c) => c.key)): string {
  return keys.map((k) => plainSpaces(row.cells[k]?.text ?? '')).join(' | ');
}

export function table(sectionValue: ReportSection, id: string): ReportTable {
  const found = sectionValue.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}
