// The plan fixtures built from Region Örebro län's reports: valid, and faithful to the printed tables.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { documentToModel, formatIssue, plainSpaces, summarise, summaryRowLabel, validatePlanDocument } from '../../src/core';
import type { PlanDocument, SummaryRow } from '../../src/core';

const dir = path.join(__dirname, '..', 'fixtures', 'plans');
const load = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));

function valid(name: string): PlanDocument {
  const result = validatePlanDocument(load(name));
  if (!result.ok) throw new Error(`${name}:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.document;
}

describe.each(['rs-2025.json', 'rs-2024.json', 'hsn-2022.json'])('fixture %s', (name) => {
  test('passes the plan format validator', () => {
    expect(() => valid(name)).not.toThrow();
  });

  test('names every owner among its people, each with a manager chain that ends', () => {
    const doc = valid(name);
    const people = new Map((doc.people ?? []).map((p) => [p.upn, p]));
    const { contents } = documentToModel(doc);
    const owners = [...contents.goals, ...contents.indicators, ...contents.assignments, ...contents.risks, ...contents.actions]
      .map((x) => x.ownerUpn)
      .filter((u): u is string => u !== undefined);
    expect(owners.length).toBeGreaterThan(0);
    for (const upn of owners) expect(people.has(upn)).toBe(true);
    for (const person of people.values()) {
      let current = person;
      for (let hops = 0; current.managerUpn; hops++) {
        expect(hops).toBeLessThan(10);
        const manager = people.get(current.managerUpn);
        expect(manager).toBeDefined();
        if (!manager) break;
        current = manager;
      }
    }
    expect(people.get(doc.organisation.managerUpn ?? '')).toBeDefined();
  });
});

describe('Regionstyrelsen 2025 (verksamhetsberättelse)', () => {
  const { contents, entries } = documentToModel(valid('rs-2025.json'));

  test('the summary equals the report\'s "Sammanfattning uppföljning av målsättningar och uppdrag"', () => {
    const rows = summarise(contents.goals, contents.assignments, entries, '2025-annual');
    const printed = (r: SummaryRow) => `${summaryRowLabel(r, contents.organisation.name)} ${r.counts.achieved} ${r.counts.partly} ${r.counts['not-achieved']}`;
    expect(rows.map(printed)).toEqual([
      'Målsättningar från regionfullmäktige (8 st) 2 5 0',
      'Uppdrag från regionfullmäktige (27 st) 7 18 2',
      'Regionstyrelsens egna uppdrag (10 st) 4 6 0',
    ]);
    expect(rows[0]?.counts['not-assessed']).toBe(1);
  });

  test('holds målsättning nr 1 with its styrtal as printed', () => {
    const goal = contents.goals.find((g) => g.kind === 'objective' && g.number === '1');
    expect(goal?.title).toBe('Hälso- och sjukvården är god, säker och jämlik.');
    const indicator = contents.indicators.find((i) => i.goalRef === goal?.ref && i.title === 'Medicinsk bedömning primärvård inom 3 dagar.');
    expect(indicator).toMatchObject({ unit: '%', target: 90, longTermTarget: 95 });
    const entry = entries.find((e) => e.subjectRef === indicator?.ref && e.periodKey === '2025-annual');
    expect(entry?.value).toBe(74);
    expect(plainSpaces(entry?.comment ?? '')).toContain('Utfallet avser januari till juni 2024');
  });

  test('holds the internkontrollplan: 19 risks with 22 actions, 6 not fully as planned', () => {
    expect(contents.risks).toHaveLength(19);
    const riskActions = contents.actions.filter((a) => a.riskRef !== undefined);
    expect(riskActions).toHaveLength(22);
    expect(riskActions.filter((a) => a.status === 'done-with-deviation')).toHaveLength(6);
  });
});
