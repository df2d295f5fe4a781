// The tab, the report and the notify job answer by the same follow-up rules, from the same lists:
// the comparison period, and an åtgärd's status in a period.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpDoc, PlanDocument } from '../../src/core';
import { buildReport } from '../../src/report';
import type { FollowUpStore } from '../../src/store';
import { importPlan, scanOverdue } from '../../src/store';
import { editorInputFor } from '../../src/tab/data/editor-input';
import { EntryEditor } from '../../src/tab/editor/entry-editor';
import { SV } from '../../src/ui';
import type { Harness } from '../store/harness';
import { startHarness } from '../store/harness';

const OWNER = 'johan.ekstrom@region.example';

/** A small plan of one organisation and year: one goal, one percentage styrtal, one risk with an åtgärd. */
function planOf(year: number, followUps: FollowUpDoc[]): PlanDocument {
  return {
    formatVersion: 1,
    organisation: { code: 'T', name: 'Testnämnden', parentCode: null, managerUpn: null },
    year,
    title: `Testnämndens verksamhetsplan ${year}`,
    status: 'adopted',
    periods: [{ key: `${year}-interim`, deadline: `${year}-08-20` }, { key: `${year}-annual`, deadline: `${year + 1}-01-31` }],
    goals: [
      {
        ref: 'g1',
        kind: 'objective',
        title: 'Vården är tillgänglig.',
        origin: 'board',
        indicators: [{ ref: 'g1-i1', title: 'Medicinsk bedömning primärvård inom 3 dagar.', valueType: 'numeric', unit: '%', direction: 'increase', target: 90, ownerUpn: OWNER }],
      },
    ],
    risks: [{ ref: 'r1', area: 'HR', title: 'Risk för hög personalomsättning.', ownerUpn: OWNER, actions: [{ ref: 'r1-a1', title: 'Se över introduktionen.', ownerUpn: OWNER, dueDate: `${year}-06-30`, status: 'in-progress' }] }],
    followUps,
    people: [{ upn: OWNER, displayName: 'Johan Ekström' }],
  };
}

const outcome = (period: string, value: number): FollowUpDoc => ({ subject: 'g1-i1', period, value });

let h: Harness;
let store: FollowUpStore;

beforeAll(async () => {
  h = await startHarness();
  h.emulator.registerUsers([{ upn: OWNER, displayName: 'Johan Ekström' }]);
  store = await h.store();
});

afterAll(async () => {
  await h.close();
});

function editorText(plan: Awaited<ReturnType<FollowUpStore['loadPlan']>>, periodKey: string): string {
  const period = plan.periods.find((p) => p.key === periodKey);
  if (!period) throw new Error(`no period ${periodKey}`);
  const input = editorInputFor(plan, { kind: 'indicator', ref: 'g1-i1' }, period);
  if (!input) throw new Error('no editor input');
  const html = renderToStaticMarkup(
    createElement(FluentProvider, { theme: teamsLightTheme }, createElement(EntryEditor, { store, plan, periodKey, upn: OWNER, ...input, strings: SV, language: 'sv', onSaved: () => undefined, onClose: () => undefined })),
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

test("the editor's Föregående and the report's trend both compare Delår 2025 with Delår 2024, never with Helår 2025", async () => {
  await importPlan(store, planOf(2024, [outcome('2024-interim', 60), outcome('2024-annual', 65)]));
  await importPlan(store, planOf(2025, [outcome('2025-interim', 70), outcome('2025-annual', 50)]));
  const plan = await store.loadPlan('T:2025');

  const text = editorText(plan, '2025-interim');
  expect(text).toContain('Föregående (Delår 2024)');
  expect(text).toMatch(/Föregående \(Delår 2024\) 60 %/);
  expect(text).not.toContain('Helår 2025');

  // The report of Delår 2025: 70 against Delår 2024's 60 is better (against Helår 2025's 50 it
  // would read the same; against Helår 2024's 65 too), so take the year-end, where they differ.
  const report = buildReport(plan, plan.entries, '2025-interim', { previousYearEntries: plan.previousYearEntries });
  expect(report.comparisonPeriodKey).toBe('2024-interim');
  const annual = buildReport(plan, plan.entries, '2025-annual', { previousYearEntries: plan.previousYearEntries });
  expect(annual.comparisonPeriodKey).toBe('2024-annual');
  const trendOf = (r: typeof report) => {
    const goal = r.sections.find((s) => s.kind === 'goal');
    if (goal?.kind !== 'goal') throw new Error('no goal section');
    return goal.tables[0]?.rows[0]?.cells.trend?.status?.code;
  };
  // Helår 2025 (50) against Helår 2024 (65): worse. Delår 2025 (70) against Delår 2024 (60): better.
  expect(trendOf(annual)).toBe('worsened');
  expect(trendOf(report)).toBe('improved');
  expect(editorText(plan, '2025-annual')).toMatch(/Föregående \(Helår 2024\) 65 %/);
});

test('with nothing reported in Delår 2024, the editor names that period and says so', async () => {
  const doc2025 = { ...planOf(2025, [outcome('2025-interim', 70), outcome('2025-annual', 80)]), organisation: { code: 'U', name: 'Utan fjolår', parentCode: null, managerUpn: null } };
  const doc2024 = { ...planOf(2024, [outcome('2024-annual', 65)]), organisation: doc2025.organisation };
  await importPlan(store, doc2024);
  await importPlan(store, doc2025);
  const plan = await store.loadPlan('U:2025');
  const text = editorText(plan, '2025-interim');
  expect(text).toContain('Föregående (Delår 2024)');
  expect(text).toContain('Inget rapporterades för Delår 2024.');
  expect(text).not.toContain('80 %');
});

test("an åtgärd's status in a period is the same in Internkontroll, in the report and in the notify job's selection", async () => {
  // The Actions list says "in progress"; the year-end report says it was done.
  const doc = { ...planOf(2025, [{ subject: 'r1-a1', period: '2025-annual', status: 'done' }]), organisation: { code: 'V', name: 'Åtgärdsnämnden', parentCode: null, managerUpn: null } };
  await importPlan(store, doc);
  const plan = await store.loadPlan('V:2025');
  const annual = plan.periods.find((p) => p.key === '2025-annual');
  const interim = plan.periods.find((p) => p.key === '2025-interim');
  if (!annual || !interim) throw new Error('periods');

  const tabStatus = (period: typeof annual) => editorInputFor(plan, { kind: 'action', ref: 'r1-a1' }, period)?.subject.actionStatus;
  const reportStatus = (periodKey: string) => {
    const section = buildReport(plan, plan.entries, periodKey).sections.find((s) => s.kind === 'internal-control');
    if (section?.kind !== 'internal-control') throw new Error('no internal control');
    return section.tables.flatMap((t) => t.rows).find((r) => r.cells.status?.status)?.cells.status?.status?.code;
  };
  const notified = async () => (await scanOverdue(store, '2026-01-05')).actions.some((a) => a.planItemId === plan.planItemId && a.ref === 'r1-a1');

  expect(tabStatus(annual)).toBe('done');
  expect(reportStatus('2025-annual')).toBe('done');
  expect(await notified()).toBe(false);
  // Delår had no report of its own: the plan's status, in every surface.
  expect(tabStatus(interim)).toBe('in-progress');
  expect(reportStatus('2025-interim')).toBe('in-progress');
});
