// Deep links into the Teams tab: the one static tab (by entity id) and the sub-page it reads back
// from `app.getContext().page.subPageId`. The notify job writes these links, the tab reads them and
// the local Aktivitet panel turns them into local URLs, so all three share this one definition.
import type { SubjectKind } from './vocabularies';
import { isCode, SUBJECT_KINDS } from './vocabularies';

/** Entity id of the personal tab: must equal the manifest's `staticTabs[0].entityId` (a test holds them together). */
export const TAB_ENTITY_ID = 'malkoll-att-gora';

/**
 * What a sub-page id names: one item of a plan (its editor opens, for the open period unless one is
 * named), Att göra for a plan and period, or the Försenade åtgärder view. Items are named by plan key and ref, not by list item id,
 * so a link stays valid across an export and re-import of the plan and reads without a lookup.
 */
export type SubPage =
  | { readonly kind: 'item'; readonly planKey: string; readonly subjectKind: SubjectKind; readonly ref: string; readonly periodKey?: string }
  /** Att göra for one plan and period; `notDone`: only what is not yet klar (the reminders' link). */
  | { readonly kind: 'todo'; readonly planKey: string; readonly periodKey: string; readonly notDone?: boolean }
  | { readonly kind: 'overdue' };

const OVERDUE = 'overdue';
const TODO = 'todo';
const NOT_DONE = 'inte-klar';
const PLAN_KEY = /^[^:/]+:\d{4}$/;

/**
 * `ORG:YEAR/kind/ref[/period]` (e.g. `RS:2025/action/r1-a1`), `todo/ORG:YEAR/period[/inte-klar]` or
 * `overdue`. Short on purpose: Teams on Windows refuses deep links over 1 900 characters and `webUrl`
 * of a notification over 1 024.
 */
export function formatSubPageId(page: SubPage): string {
  if (page.kind === 'overdue') return OVERDUE;
  if (page.kind === 'todo') return [TODO, page.planKey, page.periodKey, ...(page.notDone ? [NOT_DONE] : [])].join('/');
  return [page.planKey, page.subjectKind, page.ref, ...(page.periodKey ? [page.periodKey] : [])].join('/');
}

/** The tab's reading of `page.subPageId`; anything else (empty, malformed, older formats) is undefined. */
export function parseSubPageId(text: string | undefined): SubPage | undefined {
  if (!text) return undefined;
  if (text === OVERDUE) return { kind: 'overdue' };
  const parts = text.split('/');
  if (parts[0] === TODO) {
    const [, planKey, periodKey, filter] = parts;
    if (parts.length > 4 || !planKey || !periodKey || !PLAN_KEY.test(planKey) || (filter !== undefined && filter !== NOT_DONE)) return undefined;
    return { kind: 'todo', planKey, periodKey, ...(filter === NOT_DONE ? { notDone: true } : {}) };
  }
  const [planKey, subjectKind, ref, periodKey] = parts;
  if (parts.length > 4 || !planKey || !ref || !PLAN_KEY.test(planKey) || !isCode(SUBJECT_KINDS, subjectKind)) return undefined;
  return { kind: 'item', planKey, subjectKind, ref, ...(periodKey ? { periodKey } : {}) };
}

const TEAMS_ENTITY = 'https://teams.microsoft.com/l/entity/';

/**
 * A Teams entity deep link: `https://teams.microsoft.com/l/entity/{appId}/{entityId}?context=…`
 * with `{"subEntityId": …}` URI-encoded, which Teams hands to the tab as `page.subPageId`.
 * `appId` is the app's id as installed: the manifest id for an uploaded custom app, the org
 * catalog id for an app published to the organisation's catalog.
 */
export function teamsTabLink(appId: string, subPage?: SubPage): string {
  const base = `${TEAMS_ENTITY}${encodeURIComponent(appId)}/${encodeURIComponent(TAB_ENTITY_ID)}`;
  if (!subPage) return base;
  return `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId: formatSubPageId(subPage) }))}`;
}

export interface TeamsTabLinkParts {
  readonly appId: string;
  readonly entityId: string;
  /** The raw `subEntityId`, if the link carries one. */
  readonly subPageId?: string;
}

/**
 * A Teams entity link read back: what Teams would hand the tab. The local run has no Teams to do
 * that, so the Aktivitet panel reads the link the job sent and opens the tab with its sub-page.
 */
export function readTeamsTabLink(webUrl: string): TeamsTabLinkParts | undefined {
  if (!webUrl.startsWith(TEAMS_ENTITY)) return undefined;
  const rest = webUrl.slice(TEAMS_ENTITY.length);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);
  const [appId, entityId, ...more] = path.split('/');
  if (!appId || !entityId || more.length > 0) return undefined;
  let subPageId: string | undefined;
  const context = new URLSearchParams(query).get('context');
  if (context) {
    try {
      const parsed = JSON.parse(context) as { subEntityId?: unknown };
      if (typeof parsed.subEntityId === 'string') subPageId = parsed.subEntityId;
    } catch {
      return undefined;
    }
  }
  return { appId: decodeURIComponent(appId), entityId: decodeURIComponent(entityId), ...(subPageId !== undefined ? { subPageId } : {}) };
}
