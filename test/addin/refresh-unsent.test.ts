/** @jest-environment jsdom */
// Uppdatera rewrites the Data table from Målkoll: with rows typed and not sent, the task pane names
// them and asks first; nothing typed is lost unless the user says so.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ExcelHost } from '../../src/addin/office-host';
import { WorkbookPanel } from '../../src/addin/workbook-panel';
import { columnLetters, writeReport } from '../../src/excel/office';
import { buildReport } from '../../src/report';
import type { LoadedPlan, Session } from '../../src/store';
import { fixtureModel, section } from '../report/helpers';
import { createFakeExcel } from '../excel/fake-excel';

class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResize as unknown as typeof ResizeObserver;
// The Office mock settles its loads with setImmediate, which jsdom does not have.
globalThis.setImmediate ??= ((fn: () => void) => setTimeout(fn, 0)) as unknown as typeof setImmediate;

test('a refresh with unsent edits asks first, keeps them on Avbryt, and overwrites only on "Uppdatera ändå"', async () => {
  const { contents, entries } = fixtureModel();
  const plan = { ...contents, entries, previousYearEntries: [] } as unknown as LoadedPlan;
  const report = buildReport(plan, entries, '2025-annual');
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: ['data'] });
  const data = section(report, 'data').tables[0];
  const comment = columnLetters(data.columns.findIndex((c) => c.key === 'comment'));
  excel.type('Data', `${comment}2`, [['Min osända rättelse']]);

  const host: ExcelHost = { inExcel: true, supportsColours: true, run: (work) => work(excel.context) };
  const store = { loadPlan: async () => plan, people: async () => ({ users: new Map(), managers: new Map() }) };
  const session = { upn: 'controller@region.example', displayName: 'Controller', store, roundTrips: () => 0, reopen: async () => session } as unknown as Session;
  render(createElement(FluentProvider, { theme: webLightTheme }, createElement(WorkbookPanel, { host, session, planKey: 'RS:2025', periodKey: '2025-annual' })));
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: 'Uppdatera alla Målkoll-tabeller i arbetsboken' }));
  expect(await screen.findByText(/1 ändrad rad i Data-tabellen har inte skickats/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Avbryt' }));
  expect(excel.values('Data', `${comment}2`)[0]?.[0]).toBe('Min osända rättelse');

  await user.click(screen.getByRole('button', { name: 'Uppdatera alla Målkoll-tabeller i arbetsboken' }));
  await user.click(await screen.findByRole('button', { name: 'Uppdatera ändå' }));
  expect(await screen.findByText(/Uppdaterat: 1 avsnitt/)).toBeTruthy();
  expect(excel.values('Data', `${comment}2`)[0]?.[0]).not.toBe('Min osända rättelse');
});
