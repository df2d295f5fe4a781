// A plan of thousands of goals opens quickly: the Plan view draws a hundred at a time, with a button
// for the next ones.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { LoadedPlan } from '../../src/store';
import { GOALS_PER_PAGE, PlanView } from '../../src/tab/views/plan-view';
import { SV } from '../../src/ui';

test('the Plan view of a 2 000-goal plan draws the first hundred and offers the next', () => {
  const goals = Array.from({ length: 2_000 }, (_, i) => ({ ref: `g${i + 1}`, kind: 'goal', title: `Mål nummer ${i + 1}`, origin: 'board' }));
  const plan = { plan: { organisationCode: 'X', year: 2025, title: 'Stor plan', status: 'adopted' }, organisation: { code: 'X', name: 'X' }, goals, indicators: [], assignments: [], risks: [], actions: [], entries: [], previousYearEntries: [], periods: [] } as unknown as LoadedPlan;
  const html = renderToStaticMarkup(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(PlanView, { plan, periodKey: '2025-annual', strings: SV, language: 'sv', onOpen: () => undefined })));
  expect(html.match(/Mål nummer \d+/g)).toHaveLength(GOALS_PER_PAGE);
  expect(html).toContain(`Visa ${GOALS_PER_PAGE} mål till (${2_000 - GOALS_PER_PAGE} kvar)`);
});
