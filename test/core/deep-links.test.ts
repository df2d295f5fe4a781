// The one deep-link format: what the notify job writes, the tab reads and the local Aktivitet panel
// follows. (The entity id against the manifest: test/manifest/teams-manifest.test.ts.)
import type { SubPage } from '../../src/core';
import { TAB_ENTITY_ID, formatSubPageId, parseSubPageId, readTeamsTabLink, teamsTabLink } from '../../src/core';

const APP_ID = '5b0f2f8e-6f43-4c1e-9a1d-2c7d3b8e4a10';

describe('sub-page ids', () => {
  it('round-trips one item through subPageId and stays short', () => {
    const target: SubPage = { kind: 'item', planKey: 'RS:2025', subjectKind: 'action', ref: 'r1-a1', periodKey: '2025-annual' };
    expect(formatSubPageId(target)).toBe('RS:2025/action/r1-a1/2025-annual');
    expect(parseSubPageId(formatSubPageId(target))).toEqual(target);
    expect(teamsTabLink(APP_ID, target).length).toBeLessThan(1024);
  });

  it('leaves the period out when none is named (the tab opens the open period)', () => {
    expect(formatSubPageId({ kind: 'item', planKey: 'HSN:2026', subjectKind: 'indicator', ref: 'g1-i1' })).toBe('HSN:2026/indicator/g1-i1');
    expect(parseSubPageId('HSN:2026/indicator/g1-i1')).toEqual({ kind: 'item', planKey: 'HSN:2026', subjectKind: 'indicator', ref: 'g1-i1' });
  });

  it('names Försenade åtgärder as `overdue`', () => {
    expect(formatSubPageId({ kind: 'overdue' })).toBe('overdue');
    expect(parseSubPageId('overdue')).toEqual({ kind: 'overdue' });
  });

  it('reads nothing else', () => {
    for (const text of [undefined, '', 'nonsense', 'action:42', 'RS/action/r1-a1', 'RS:25/action/r1-a1', 'RS:2025/risk/r1', 'RS:2025/action/', 'RS:2025/action/r1-a1/2025-annual/x']) {
      expect(parseSubPageId(text)).toBeUndefined();
    }
  });
});

describe('Teams tab links', () => {
  it('name the one static tab and carry the sub-page id as subEntityId', () => {
    expect(teamsTabLink(APP_ID, { kind: 'item', planKey: 'RS:2025', subjectKind: 'action', ref: 'r5-a1' })).toBe(
      `https://teams.microsoft.com/l/entity/${APP_ID}/${TAB_ENTITY_ID}?context=%7B%22subEntityId%22%3A%22RS%3A2025%2Faction%2Fr5-a1%22%7D`,
    );
    expect(teamsTabLink(APP_ID)).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/malkoll-att-gora`);
  });

  it('read back to what Teams hands the tab', () => {
    const link = teamsTabLink(APP_ID, { kind: 'overdue' });
    expect(readTeamsTabLink(link)).toEqual({ appId: APP_ID, entityId: TAB_ENTITY_ID, subPageId: 'overdue' });
    expect(readTeamsTabLink(teamsTabLink(APP_ID))).toEqual({ appId: APP_ID, entityId: TAB_ENTITY_ID });
    expect(readTeamsTabLink('https://example.com/l/entity/a/b')).toBeUndefined();
    expect(readTeamsTabLink('https://teams.microsoft.com/l/entity/a/b/c')).toBeUndefined();
    expect(readTeamsTabLink('https://teams.microsoft.com/l/entity/a/b?context=%7Bbroken')).toBeUndefined();
  });
});
