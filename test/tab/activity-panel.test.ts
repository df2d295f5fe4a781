/** @jest-environment jsdom */
// The Aktivitet panel of the local run: the notifications the emulator recorded, mine or everyone's,
// newest first, with the text Teams would show and a link into the tab; new ones announced politely.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { teamsTabLink } from '../../src/core';
import type { ActivityRecord } from '../../src/tab/data/activity-feed';
import { activityOrigin, loadActivity, toActivityRecord } from '../../src/tab/data/activity-feed';
import { ActivityPanel } from '../../src/tab/views/activity-panel';
import { EN, SV } from '../../src/ui';
import type { Strings, UiLanguage } from '../../src/ui';

const APP_ID = '5b0f2f8e-6f43-4c1e-9a1d-2c7d3b8e4a10';
const KARIN = 'karin.lindqvist@region.example';
const EVA = 'eva.nyberg@region.example';
const NAMES: Readonly<Record<string, string>> = { [KARIN]: 'Karin Lindqvist', [EVA]: 'Eva Nyberg' };

/** A record as GET /_dev/activity answers it (docs/emulator.md). */
function raw(id: string, recipientUpn: string, sentAt: string, body: Record<string, unknown>): Record<string, unknown> {
  return { id, sentAt, recipientUpn, recipientId: `id-${recipientUpn}`, sender: { kind: 'app', id: 'app', displayName: 'Målkoll' }, activityType: body.activityType, chainId: '1', delivered: true, note: null, body };
}
const one = (id: string, upn: string, sentAt: string) =>
  raw(id, upn, sentAt, {
    topic: { source: 'text', value: 'Granskning', webUrl: teamsTabLink(APP_ID, { kind: 'item', planKey: 'RS:2024', subjectKind: 'action', ref: 'r3-a1' }) },
    activityType: 'actionOverdue',
    previewText: { content: 'Slutdatum 2024-12-31, 370 dagar sedan.' },
    templateParameters: [
      { name: 'actionTitle', value: 'Granskning av fakturor' },
      { name: 'daysOverdue', value: '370' },
    ],
  });
const several = (id: string, upn: string, sentAt: string) =>
  raw(id, upn, sentAt, {
    topic: { source: 'text', value: 'Försenade åtgärder', webUrl: teamsTabLink(APP_ID, { kind: 'overdue' }) },
    activityType: 'actionsOverdue',
    previewText: { content: '3 försenade åtgärder hos dina medarbetare' },
    templateParameters: [
      { name: 'count', value: '3' },
      { name: 'actionTitle', value: 'Lönehantering' },
    ],
  });

function records(...raws: Array<Record<string, unknown>>): ActivityRecord[] {
  return raws.map((r) => toActivityRecord(r)).filter((r): r is ActivityRecord => r !== undefined);
}

/** The directory by name: the panel shows recipients as people, never as addresses. */
const DIRECTORY = {
  people: async (request: { users?: readonly string[] }) => ({
    users: new Map((request.users ?? []).map((upn) => [upn.toLowerCase(), { found: { id: upn, upn, displayName: NAMES[upn.toLowerCase()] ?? upn, accountEnabled: true, isContact: false } }])),
    managers: new Map(),
  }),
};

function setup(load: (recipient?: string) => Promise<readonly ActivityRecord[]>, strings: Strings = SV, language: UiLanguage = 'sv') {
  const calls: Array<string | undefined> = [];
  render(
    createElement(
      FluentProvider,
      { theme: teamsLightTheme },
      createElement(ActivityPanel, {
        strings,
        language,
        upn: KARIN,
        search: `?as=${encodeURIComponent(KARIN)}&view=plan`,
        people: DIRECTORY,
        load: (recipient?: string) => {
          calls.push(recipient);
          return load(recipient);
        },
      }),
    ),
  );
  return { calls, user: userEvent.setup() };
}

describe('recorded notifications', () => {
  it('read into the text Teams shows: the manifest template filled with the parameters', () => {
    expect(toActivityRecord(one('a', KARIN, '2026-01-05T07:00:00.000Z'))).toEqual({
      id: 'a',
      sentAt: '2026-01-05T07:00:00.000Z',
      recipientUpn: KARIN,
      text: 'Granskning av fakturor är försenad med 370 dagar',
      preview: 'Slutdatum 2024-12-31, 370 dagar sedan.',
      webUrl: teamsTabLink(APP_ID, { kind: 'item', planKey: 'RS:2024', subjectKind: 'action', ref: 'r3-a1' }),
      delivered: true,
    });
    expect(toActivityRecord(several('b', KARIN, '2026-01-05T07:00:00.000Z'))?.text).toBe('3 åtgärder är försenade, mest: Lönehantering');
    // A type the manifest does not declare: Teams would show the topic.
    expect(toActivityRecord(raw('c', KARIN, '2026-01-05T07:00:00.000Z', { topic: { value: 'Något annat' }, activityType: 'other' }))?.text).toBe('Något annat');
    expect(toActivityRecord({ id: 'x' })).toBeUndefined();
  });

  it('come from GET /_dev/activity, the signed-in person\'s with ?recipient=', async () => {
    const urls: string[] = [];
    const fetchImpl = (async (url: string) => {
      urls.push(url);
      return { ok: true, status: 200, json: async () => ({ value: [one('a', KARIN, '2026-01-05T07:00:00.000Z'), { broken: true }] }) };
    }) as unknown as typeof fetch;
    expect(await loadActivity('http://localhost:3000/', KARIN, fetchImpl)).toHaveLength(1);
    await loadActivity('http://localhost:3000', undefined, fetchImpl);
    expect(urls).toEqual([`http://localhost:3000/_dev/activity?recipient=${encodeURIComponent(KARIN)}`, 'http://localhost:3000/_dev/activity']);
  });

  it('are only there in emulator mode: in a tenant the slot stays empty', () => {
    expect(activityOrigin({ mode: 'emulator', graphUrl: 'http://localhost:3000/graph/v1.0' })).toBe('http://localhost:3000');
    expect(activityOrigin({ mode: 'tenant', graphUrl: 'https://graph.microsoft.com/v1.0' })).toBeUndefined();
  });
});

describe('the Aktivitet panel', () => {
  it('shows mine by default, newest first: time, recipient, text and a link that opens the action in the tab', async () => {
    const { calls } = setup(async () => records(several('b', KARIN, '2026-01-05T07:00:01.000Z'), one('a', KARIN, '2026-01-05T07:00:00.000Z')));
    const items = await screen.findAllByRole('listitem');
    expect(calls).toEqual([KARIN]);
    expect(items[0]?.textContent).toContain('3 åtgärder är försenade, mest: Lönehantering');
    expect(items[1]?.textContent).toContain('Granskning av fakturor är försenad med 370 dagar');
    await screen.findAllByText(`Till ${NAMES[KARIN]}`);
    expect(items[1]?.textContent).toContain(`Till ${NAMES[KARIN]}`);
    expect(items.some((item) => item.textContent?.includes('@'))).toBe(false);
    expect(items[1]?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-01-05T07:00:00.000Z');

    const openAction = screen.getByRole('link', { name: /^Öppna åtgärden: Granskning av fakturor/ });
    // The same page, the same person, the link's sub-page; `view` dropped because the link names it.
    expect(openAction.getAttribute('href')).toBe(`?as=${encodeURIComponent(KARIN)}&subPageId=RS%3A2024%2Faction%2Fr3-a1`);
    expect(screen.getByRole('link', { name: /^Öppna Försenade åtgärder/ }).getAttribute('href')).toBe(`?as=${encodeURIComponent(KARIN)}&subPageId=overdue`);
  });

  it("switches to everyone's", async () => {
    const { calls, user } = setup(async (recipient) => (recipient ? records(one('a', KARIN, '2026-01-05T07:00:00.000Z')) : records(one('e', EVA, '2026-01-05T07:00:02.000Z'), one('a', KARIN, '2026-01-05T07:00:00.000Z'))));
    await screen.findByText(`Till ${NAMES[KARIN]}`);
    await user.click(screen.getByRole('switch', { name: 'Visa allas' }));
    await screen.findByText(`Till ${NAMES[EVA]}`);
    expect(calls).toEqual([KARIN, undefined]);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('never shows the other list under the switch while the new one loads', async () => {
    let release: () => void = () => undefined;
    const { user } = setup((recipient) =>
      recipient ? Promise.resolve(records(one('a', KARIN, '2026-01-05T07:00:00.000Z'))) : new Promise((resolve) => (release = () => resolve(records(one('e', EVA, '2026-01-05T07:00:02.000Z'))))),
    );
    await screen.findByText(`Till ${NAMES[KARIN]}`);
    await user.click(screen.getByRole('switch', { name: 'Visa allas' }));
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    await act(async () => release());
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText(`Till ${NAMES[EVA]}`)).toBeTruthy();
  });

  it('refreshes on request and announces what is new in a polite live region', async () => {
    let answer = records(one('a', KARIN, '2026-01-05T07:00:00.000Z'));
    const { user } = setup(async () => answer);
    await screen.findAllByRole('listitem');
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');

    answer = records(several('b', KARIN, '2026-01-06T07:00:00.000Z'), one('a', KARIN, '2026-01-05T07:00:00.000Z'));
    await user.click(screen.getByRole('button', { name: 'Uppdatera' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(status.textContent).toBe('1 ny avisering.');

    await user.click(screen.getByRole('button', { name: 'Uppdatera' }));
    await waitFor(() => expect(status.textContent).toBe('Inga nya aviseringar.'));
  });

  it('says so when there is nothing yet', async () => {
    setup(async () => []);
    await screen.findByText(/Inga aviseringar ännu/);
  });

  it('shows a failure as an alert', async () => {
    setup(async () => {
      throw new Error('svar 500');
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Aviseringarna kunde inte hämtas: svar 500');
  });

  it('speaks English when the tab does', async () => {
    await act(async () => {
      setup(async () => records(one('a', KARIN, '2026-01-05T07:00:00.000Z')), EN, 'en');
    });
    expect(await screen.findByRole('link', { name: /^Open the action/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
    expect(await screen.findByText(`To ${NAMES[KARIN]}`)).toBeTruthy();
  });
});

describe('the Aktivitet panel names what each link opens', () => {
  it('a send-back of a styrtal opens the styrtal; a reminder opens Att göra', async () => {
    const returned = raw('r', KARIN, '2026-01-05T08:00:00.000Z', {
      topic: { source: 'text', value: 'Återremitterad: Väntetid', webUrl: teamsTabLink(APP_ID, { kind: 'item', planKey: 'RS:2025', subjectKind: 'indicator', ref: 'g1-i1', periodKey: '2025-interim' }) },
      activityType: 'entryReturned',
      previewText: { content: 'Elin Ström: Ange källan.' },
      templateParameters: [
        { name: 'by', value: 'Elin Ström' },
        { name: 'itemTitle', value: 'Väntetid' },
        { name: 'comment', value: 'Ange källan.' },
      ],
    });
    const reminder = raw('d', KARIN, '2026-01-05T07:00:00.000Z', {
      topic: { source: 'text', value: 'Att göra: RS 2025', webUrl: teamsTabLink(APP_ID, { kind: 'todo', planKey: 'RS:2025', periodKey: '2025-interim', notDone: true }) },
      activityType: 'reportingDue',
      previewText: { content: '2 ej påbörjade' },
      templateParameters: [
        { name: 'planTitle', value: 'RS 2025' },
        { name: 'items', value: '2 poster' },
        { name: 'when', value: 'sista dag i morgon' },
      ],
    });
    setup(async () => records(returned, reminder));
    expect(await screen.findByRole('link', { name: /^Öppna styrtalet/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Öppna Att göra/ })).toBeTruthy();
    expect(screen.getByText(/Elin Ström skickade tillbaka Väntetid: Ange källan\./)).toBeTruthy();
  });
});
