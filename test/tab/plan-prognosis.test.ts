// The Plan view at a delår: the goal's and the uppdrag's assessments are read as "Prognos helår";
// at the helår they are plain Bedömning.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { LoadedPlan } from '../../src/store';
import { PlanView } from '../../src/tab/views/plan-view';
import { SV } from '../../src/ui';

const entries = (periodKey: string) => [
  { subjectKind: 'goal', subjectRef: 'g1', periodKey, assessment: 'partly' },
  { subjectKind: 'assignment', subjectRef: 'u3', periodKey, assessment: 'achieved' },
];
const planAt = (periodKey: string) =>
  ({
    plan: { organisationCode: 'RS', year: 2025, title: 'RS 2025', status: 'adopted' },
    organisation: { code: 'RS', name: 'Regionstyrelsen' },
    goals: [{ ref: 'g1', kind: 'objective', title: 'God vård', origin: 'council' }],
    indicators: [],
    assignments: [{ ref: 'u3', goalRef: 'g1', title: 'Följa upp kariesskador', origin: 'council' }],
    risks: [],
    actions: [],
    entries: entries(periodKey),
    previousYearEntries: [],
    periods: [
      { key: '2025-interim', year: 2025, kind: 'interim' },
      { key: '2025-annual', year: 2025, kind: 'annual' },
    ],
  }) as unknown as LoadedPlan;

const html = (periodKey: string) =>
  renderToStaticMarkup(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(PlanView, { plan: planAt(periodKey), periodKey, strings: SV, language: 'sv', onOpen: () => undefined })));

describe('the Plan view and the prognosis', () => {
  it('heads the uppdrag column "Prognos helår" at the delår and reads the goal\'s mark as one', () => {
    const page = html('2025-interim');
    expect(page).toMatch(/<th scope="col">Prognos helår<\/th>/);
    expect(page).toMatch(/aria-label="Prognos helår: [^"]+"[^>]*data-assessment="partly"/);
  });

  it('keeps "Bedömning" at the helår', () => {
    const page = html('2025-annual');
    expect(page).toMatch(/<th scope="col">Bedömning<\/th>/);
    expect(page).not.toContain('Prognos helår');
  });
});
