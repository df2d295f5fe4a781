// Outcomes read as the reports print them: a rank as "Plats 6 av 7" beside a target "Plats 3 av 7".
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { LoadedPlan } from '../../src/store';
import { PlanView } from '../../src/tab/views/plan-view';
import { SV } from '../../src/ui';

const plan = {
  plan: { organisationCode: 'RS', year: 2025, title: 'RS 2025', status: 'adopted' },
  organisation: { code: 'RS', name: 'Regionstyrelsen' },
  goals: [{ ref: 'g5', kind: 'objective', title: 'Forskning', origin: 'board' }],
  indicators: [{ ref: 'g5-i2', goalRef: 'g5', title: 'Egenfinansierad forskning per capita', valueType: 'numeric', unit: 'plats', direction: 'decrease', target: 3, targetText: 'Plats 3 av 7' }],
  assignments: [],
  risks: [],
  actions: [],
  entries: [{ subjectKind: 'indicator', subjectRef: 'g5-i2', periodKey: '2025-annual', value: 6 }],
  previousYearEntries: [],
  periods: [{ key: '2025-annual', year: 2025, kind: 'annual' }],
} as unknown as LoadedPlan;

test('the Plan view shows a rank outcome as "Plats 6 av 7", never "6 plats"', () => {
  const html = renderToStaticMarkup(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(PlanView, { plan, periodKey: '2025-annual', strings: SV, language: 'sv', onOpen: () => undefined })));
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(text).toContain('Plats 6 av 7');
  expect(text).not.toContain('6 plats');
});
