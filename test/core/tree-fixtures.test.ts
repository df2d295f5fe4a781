// The child plan fixture: Regionkansliet, a stab under Regionstyrelsen, written only from what the
// 2025 verksamhetsberättelse says of regionkansliet's work; and the fixtures' import order.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { documentToModel, formatIssue, validatePlanDocument } from '../../src/core';
import type { PlanDocument } from '../../src/core';
import { readPlanFixtures } from '../../src/cli/local-seed';

const dir = path.join(__dirname, '..', 'fixtures', 'plans');
function valid(name: string): PlanDocument {
  const result = validatePlanDocument(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
  if (!result.ok) throw new Error(`${name}:\n${result.issues.map(formatIssue).join('\n')}`);
  expect(result.warnings).toEqual([]);
  return result.document;
}

describe('rs-2025-regionkansliet.json', () => {
  const doc = valid('rs-2025-regionkansliet.json');
  const rk = documentToModel(doc);
  const rs = documentToModel(valid('rs-2025.json'));

  it('is a stab under Regionstyrelsen, for 2025', () => {
    expect(rk.contents.organisation).toMatchObject({ code: 'RK', name: 'Regionkansliet', kind: 'staff', parentCode: 'RS' });
    expect(rk.contents.plan.year).toBe(rs.contents.plan.year);
  });

  it('contributes to goals of Regionstyrelsen\'s plan and reports its part of its styrtal, by refs that exist there', () => {
    const rsGoals = new Set(rs.contents.goals.map((g) => g.ref));
    const rsIndicators = new Set(rs.contents.indicators.map((i) => i.ref));
    expect(rk.contents.goals.map((g) => g.contributesTo?.ref)).toEqual(['g8', 'fa2', 'fa4']);
    for (const g of rk.contents.goals) expect(rsGoals.has(g.contributesTo?.ref ?? '')).toBe(true);
    for (const i of rk.contents.indicators) {
      expect(i.givenBy?.plan).toBe('RS:2025');
      expect(rsIndicators.has(i.givenBy?.ref ?? '')).toBe(true);
    }
  });

  it('invents no figures: its outcomes and comments are those Regionstyrelsen\'s report gives as regionkansliet\'s', () => {
    for (const i of rk.contents.indicators) {
      const mine = rk.entries.find((e) => e.subjectRef === i.ref);
      const printed = rs.entries.find((e) => e.subjectRef === i.givenBy?.ref && e.periodKey === mine?.periodKey);
      expect(mine?.value).toBeDefined();
      expect(mine?.value).toBe(printed?.value);
      expect(printed?.comment?.replace(/\s+/g, ' ')).toContain(mine?.comment ?? '—');
    }
    expect(rk.entries.filter((e) => e.value !== undefined).map((e) => e.value)).toEqual([83, 91, 3.2]);
    // The report gives no slutdatum for these aktiviteter, so none is set.
    expect(rk.contents.actions.filter((a) => a.dueDate !== undefined)).toEqual([]);
    expect(rk.contents.actions.map((a) => a.status)).toEqual(['done', 'in-progress', 'done', 'done']);
    for (const a of rk.contents.actions) expect(rk.entries.find((e) => e.subjectRef === a.ref)?.status).toBe(a.status);
  });
});

describe('the fixtures as npm start imports them', () => {
  it('come parents first: each organisation\'s parent is created by an earlier file', () => {
    const order = readPlanFixtures(dir);
    order.forEach(({ file, doc }, i) => {
      const parent = doc.organisation.parentCode;
      if (!parent) return;
      const earlier = order.slice(0, i).map((f) => f.doc.organisation.code);
      expect({ file, parentFound: earlier.includes(parent) }).toEqual({ file, parentFound: true });
    });
    expect(order.map((f) => f.file)).toContain('rs-2025-regionkansliet.json');
  });
});
