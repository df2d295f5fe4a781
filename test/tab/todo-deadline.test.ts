// Att göra tells the reporter the plan's deadline for the period and the days left, and marks in
// words what is late: not klar once the deadline has passed.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpStore, LoadedPlan, WorkItem } from '../../src/store';
import { TodoView } from '../../src/tab/views/todo-view';
import { EN, SV } from '../../src/ui';

const plan = {
  plan: { organisationCode: 'RS', year: 2025, title: 'RS 2025', status: 'adopted' },
  organisation: { code: 'RS', name: 'Regionstyrelsen' },
  goals: [],
  indicators: [],
  assignments: [],
  risks: [],
  actions: [],
  entries: [],
  previousYearEntries: [],
  periods: [
    { key: '2025-interim', year: 2025, kind: 'interim', deadline: '2025-08-20' },
    { key: '2025-annual', year: 2025, kind: 'annual' },
  ],
} as unknown as LoadedPlan;

const work: WorkItem[] = [
  { kind: 'goal', ref: 'g1', itemId: '1', title: 'Tillgänglig vård' },
  { kind: 'indicator', ref: 'g1-i1', itemId: '2', title: 'Telefontillgänglighet', current: { subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-interim', value: 84, itemId: '9', eTag: '"1"', subjectItemId: '2' } },
  { kind: 'indicator', ref: 'g1-i2', itemId: '3', title: 'Läkarbesök', current: { subjectKind: 'indicator', subjectRef: 'g1-i2', periodKey: '2025-interim', value: 70, state: 'done', itemId: '10', eTag: '"1"', subjectItemId: '3' } },
];
const store = { myWork: () => work } as unknown as FollowUpStore;

function todoText(asOf: string, periodKey = '2025-interim', strings = SV, language: 'sv' | 'en' = 'sv') {
  const html = renderToStaticMarkup(
    createElement(FluentProvider, { theme: teamsLightTheme }, createElement(TodoView, { store, plan, upn: 'anna@region.example', periodKey, asOf, strings, language, onOpen: () => undefined })),
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('Att göra and the deadline', () => {
  it('shows the deadline and the days left, "Senast 20 augusti, om 5 dagar"', () => {
    const text = todoText('2025-08-15');
    expect(text).toContain('Senast 20 augusti, om 5 dagar');
    expect(text).not.toContain('Försenad');
  });

  it('says "Senast i dag" on the day, still not late', () => {
    const text = todoText('2025-08-20');
    expect(text).toContain('Senast i dag, 20 augusti');
    expect(text).not.toContain('Försenad');
  });

  it('marks what is not klar as late the day after, in words, and only that', () => {
    const text = todoText('2025-08-21');
    expect(text).toContain('Senast 20 augusti, passerad i går');
    expect(text.match(/Försenad/g)).toHaveLength(2);
    expect(text).toMatch(/Tillgänglig vård .*Ej påbörjad Försenad/);
    // Saved but not marked klar is still late; klar is not.
    expect(text).toMatch(/Telefontillgänglighet .*Utkast Försenad/);
    expect(text).not.toMatch(/Läkarbesök .*Försenad/);
  });

  it('shows no deadline for a period the plan sets none for', () => {
    expect(todoText('2025-08-15', '2025-annual')).not.toContain('Senast');
  });

  it('offers the filter to what is not klar', () => {
    expect(todoText('2025-08-15')).toContain('Visa bara det som inte är klart');
  });

  it('speaks English when the host does', () => {
    expect(todoText('2025-08-15', '2025-interim', EN, 'en')).toContain('Due 20 August, in 5 days');
  });
});
