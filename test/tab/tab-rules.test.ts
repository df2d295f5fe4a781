// Small rules of the tab: which period is open, what a deep link the notify job sent opens, and an
// item's state in Att göra. (The link format itself: test/core/deep-links.test.ts.)
import { readTeamsTabLink } from '../../src/core';
import { dueFor, DEFAULT_NOTIFY_SETTINGS } from '../../src/jobs/notify';
import type { NotifiedItem } from '../../src/jobs/notify/message';
import { notificationBody } from '../../src/jobs/notify/message';
import type { OverdueAction } from '../../src/store';
import { openingOf } from '../../src/tab/data/link-target';
import { openPeriod } from '../../src/core';
import { localTabHref } from '../../src/tab/host/local-link';
import { workState } from '../../src/tab/views/todo-view';

describe('the open period', () => {
  const periods = [
    { key: '2025-interim', year: 2025, kind: 'interim' as const, deadline: '2025-08-20' },
    { key: '2025-annual', year: 2025, kind: 'annual' as const, deadline: '2026-01-31' },
  ];
  it('is the first whose deadline has not passed', () => {
    expect(openPeriod(periods, '2025-06-01')?.key).toBe('2025-interim');
    expect(openPeriod(periods, '2025-09-01')?.key).toBe('2025-annual');
  });
  it('is the latest unlocked one when every deadline has passed', () => {
    expect(openPeriod(periods, '2026-11-23')?.key).toBe('2025-annual');
    expect(openPeriod([{ ...periods[0]! }, { ...periods[1]!, locked: true }], '2026-11-23')?.key).toBe('2025-interim');
  });
});

describe('a deep link the notify job sent, as the tab opens it', () => {
  const APP_ID = '5b0f2f8e-6f43-4c1e-9a1d-2c7d3b8e4a10';
  const action = (ref: string, itemId: string): OverdueAction => ({ ref, itemId, title: `Åtgärd ${ref}`, status: 'in-progress', dueDate: '2025-12-31', eTag: '"x,1"', planItemId: '4', ownerUpn: 'anna@region.example' });
  const item = (ref: string, itemId: string): NotifiedItem => ({ due: dueFor(action(ref, itemId), '2026-01-05', DEFAULT_NOTIFY_SETTINGS), role: 'owner' });
  const sent = (items: readonly NotifiedItem[]) => notificationBody(items, 'anna@region.example', '2026-01-05', APP_ID, (id) => (id === '4' ? 'RS:2024' : undefined)).topic.webUrl;
  // What Teams does with the link: the tab gets its subEntityId as `page.subPageId`.
  const subPageIdOf = (webUrl: string) => readTeamsTabLink(webUrl)?.subPageId;

  it('one action: its editor, in its plan, over Internkontroll', () => {
    expect(openingOf(subPageIdOf(sent([item('r3-a2', '17')])))).toEqual({ view: 'internal-control', editing: { kind: 'action', ref: 'r3-a2' }, planKey: 'RS:2024' });
  });

  it('several actions: Försenade åtgärder, no editor', () => {
    expect(openingOf(subPageIdOf(sent([item('r3-a2', '17'), item('r4-a1', '18')])))).toEqual({ view: 'overdue' });
  });

  it('a period named in the link is the period opened; anything unreadable opens the tab as usual', () => {
    expect(openingOf('HSN:2026/indicator/g1-i1/2026-interim')).toEqual({ view: 'todo', editing: { kind: 'indicator', ref: 'g1-i1' }, planKey: 'HSN:2026', periodKey: '2026-interim' });
    expect(openingOf('action:42')).toEqual({});
    expect(openingOf(undefined)).toEqual({});
  });

  it('outside Teams, the same link opens the local page with its subPageId, keeping who and how', () => {
    const webUrl = sent([item('r3-a2', '17')]);
    const href = localTabHref(webUrl, '?as=karin%40region.example&view=overdue&theme=dark');
    expect(href).toBe('?as=karin%40region.example&theme=dark&subPageId=RS%3A2024%2Faction%2Fr3-a2');
    expect(openingOf(new URLSearchParams(href).get('subPageId') ?? undefined)).toMatchObject({ editing: { kind: 'action', ref: 'r3-a2' }, planKey: 'RS:2024' });
    expect(localTabHref('https://teams.microsoft.com/l/entity/x/some-other-tab?context=%7B%22subEntityId%22%3A%22overdue%22%7D', '')).toBeUndefined();
    expect(localTabHref('https://example.com/', '')).toBeUndefined();
  });
});

describe('state of an item in Att göra', () => {
  const item = { kind: 'indicator' as const, ref: 'g1-i1', itemId: '3', title: 'T' };
  const current = { subjectKind: 'indicator' as const, subjectRef: 'g1-i1', periodKey: '2025-annual', itemId: '9', eTag: '"2"', subjectItemId: '3' };
  it('is not reported, reported, or changed since the user last saw it', () => {
    expect(workState(item, undefined)).toBe('not-reported');
    expect(workState({ ...item, current }, undefined)).toBe('reported');
    expect(workState({ ...item, current }, '"2"')).toBe('reported');
    expect(workState({ ...item, current }, '"1"')).toBe('changed');
  });
});
