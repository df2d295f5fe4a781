// Outside Teams nobody turns a Teams deep link into the tab's `subPageId`: the local run does it
// itself, with the same query parameter the standalone host reads (see teams-host.ts).
import { parseSubPageId, readTeamsTabLink, TAB_ENTITY_ID } from '../../core';

/**
 * The local page for a Teams link to this tab: the current query (person, theme, locale, date kept)
 * with `subPageId` set and `view` dropped, since the link names the view. Undefined for a link that
 * is not to this tab or names nothing the tab can open.
 */
export function localTabHref(webUrl: string, search: string): string | undefined {
  const link = readTeamsTabLink(webUrl);
  if (!link || link.entityId !== TAB_ENTITY_ID || !parseSubPageId(link.subPageId) || !link.subPageId) return undefined;
  const params = new URLSearchParams(search);
  params.set('subPageId', link.subPageId);
  params.delete('view');
  return `?${params.toString()}`;
}
