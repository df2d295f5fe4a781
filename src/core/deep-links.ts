// Deep links into the Teams tab: the tab's pages (static tabs, by entity id) and the sub-page
// payload they read back from `app.getContext().page.subPageId`. The notify job builds these links
// and the tab parses them, so both sides share this one definition.

/** Entity ids of the tab's pages, as declared under `staticTabs[].entityId` in the Teams manifest. */
export const TAB_PAGES = {
  /** "Att göra": my items; with an `action:` sub-page it opens that åtgärd. */
  todo: 'attgora',
  /** "Försenade åtgärder": overdue actions, mine and those of the people reporting to me. */
  overdue: 'forsenade',
} as const;

export type TabPage = (typeof TAB_PAGES)[keyof typeof TAB_PAGES];

/** What a sub-page id names: one action (by its Actions list item id), or the overdue list. */
export type SubPage = { readonly kind: 'action'; readonly itemId: string } | { readonly kind: 'overdue' };

const ACTION_PREFIX = 'action:';
const OVERDUE = 'overdue';

/** `action:{itemId}` or `overdue`: an id, never data, so links stay far below Teams' length limits. */
export function formatSubPageId(page: SubPage): string {
  return page.kind === 'action' ? `${ACTION_PREFIX}${page.itemId}` : OVERDUE;
}

/** The tab's reading of `page.subPageId`; anything else (empty, older formats) is undefined. */
export function parseSubPageId(subPageId: string | undefined): SubPage | undefined {
  if (subPageId === undefined) return undefined;
  if (subPageId === OVERDUE) return { kind: 'overdue' };
  if (subPageId.startsWith(ACTION_PREFIX)) {
    const itemId = subPageId.slice(ACTION_PREFIX.length);
    return /^\d+$/.test(itemId) ? { kind: 'action', itemId } : undefined;
  }
  return undefined;
}

/**
 * A Teams entity deep link: `https://teams.microsoft.com/l/entity/{appId}/{entityId}?context=…`
 * with `{"subEntityId": …}` URI-encoded, which Teams hands to the tab as `page.subPageId`.
 * `appId` is the app's id as installed: the manifest id for an uploaded custom app, the org
 * catalog id for an app published to the organisation's catalog.
 */
export function teamsTabLink(appId: string, page: TabPage, subPage?: SubPage): string {
  const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(page)}`;
  if (!subPage) return base;
  return `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId: formatSubPageId(subPage) }))}`;
}
