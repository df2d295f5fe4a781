// One activity-feed notification: the body of POST /users/{upn}/teamwork/sendActivityNotification
// for one recipient, naming one action (or uppdrag) or summing up several, with a deep link into the tab.
import { createHash } from 'node:crypto';
import type { ActivityType, SubPage, TemplateParameter } from '../../core';
import { teamsTabLink } from '../../core';
import type { DueAction } from './due';

export interface ActivityNotificationBody {
  readonly topic: { readonly source: 'text'; readonly value: string; readonly webUrl: string };
  readonly activityType: ActivityType;
  readonly previewText: { readonly content: string };
  readonly templateParameters: readonly TemplateParameter[];
  readonly chainId: number;
}

/** The recipient's part in an action: its owner, or the owner's manager after escalation. */
export type Role = 'owner' | 'manager';

export interface NotifiedItem {
  readonly due: DueAction;
  readonly role: Role;
  /** For a manager: the owner by name (never an address in what people read). */
  readonly ownerName?: string;
}

/** Teams shows the first 150 characters of the preview; titles are cut well before that. */
const PREVIEW_MAX = 150;
const TITLE_MAX = 80;

function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The same number for the same recipient and day. Teams replaces a notification with an earlier
 * one's chainId instead of adding a second: a send repeated after a crash between sending and
 * recording (the one window the record cannot close) shows once. 48 bits: a safe JSON integer.
 */
export function chainIdFor(recipientUpn: string, asOf: string): number {
  return Number.parseInt(createHash('sha256').update(`${recipientUpn.toLowerCase()}|${asOf}`).digest('hex').slice(0, 12), 16);
}

/** The `ORG:YEAR` key of the plan with this Plans list item id, when the scan found it. */
export type PlanKeyOf = (planItemId: string) => string | undefined;

const OVERDUE_PAGE: SubPage = { kind: 'overdue' };

/**
 * The tab's sub-page for one action: its editor, named by plan key and ref (what the tab reads).
 * No period: the tab opens the period that is open when the link is followed, which is the one the
 * status should be reported in. A plan the scan could not place opens the overdue list instead,
 * which still shows the action.
 */
function actionPage(due: DueAction, planKeyOf: PlanKeyOf): SubPage {
  const planKey = planKeyOf(due.action.planItemId);
  return planKey && due.action.ref ? { kind: 'item', planKey, subjectKind: due.kind, ref: due.action.ref } : OVERDUE_PAGE;
}

/** "3 åtgärder och 1 uppdrag", "2 uppdrag". */
function overdueWhat(items: readonly NotifiedItem[]): string {
  const actions = items.filter((i) => i.due.kind === 'action').length;
  const assignments = items.length - actions;
  const parts = [...(actions > 0 ? [actions === 1 ? '1 åtgärd' : `${actions} åtgärder`] : []), ...(assignments > 0 ? [`${assignments} uppdrag`] : [])];
  return parts.join(' och ');
}

/** `items` most overdue first. */
export function notificationBody(items: readonly NotifiedItem[], recipientUpn: string, asOf: string, teamsAppId: string, planKeyOf: PlanKeyOf): ActivityNotificationBody {
  const first = items[0];
  if (!first) throw new Error('A notification needs at least one action');
  const title = cut(first.due.action.title, TITLE_MAX);
  const chainId = chainIdFor(recipientUpn, asOf);
  if (items.length === 1) {
    const action = first.due.action;
    const whose = first.role === 'manager' && action.ownerUpn ? ` Ansvarig: ${first.ownerName ?? action.ownerUpn.split('@')[0]}.` : '';
    return {
      topic: { source: 'text', value: title, webUrl: teamsTabLink(teamsAppId, actionPage(first.due, planKeyOf)) },
      activityType: 'actionOverdue',
      previewText: { content: cut(`Slutdatum ${action.dueDate ?? '–'}, ${first.due.days} dagar sedan.${whose}`, PREVIEW_MAX) },
      templateParameters: [
        { name: 'actionTitle', value: title },
        { name: 'daysOverdue', value: String(first.due.days) },
      ],
      chainId,
    };
  }
  const own = items.filter((i) => i.role === 'owner').length;
  if (items.some((i) => i.due.kind === 'assignment')) {
    // Försenade åtgärder lists åtgärder only: a set of uppdrag alone opens the most overdue one.
    const page = items.some((i) => i.due.kind === 'action') ? OVERDUE_PAGE : actionPage(first.due, planKeyOf);
    const whose = own === items.length ? 'Dina' : own === 0 ? 'Hos dina medarbetare:' : `${own} egna och ${items.length - own} hos dina medarbetare:`;
    return {
      topic: { source: 'text', value: 'Försenade åtgärder och uppdrag', webUrl: teamsTabLink(teamsAppId, page) },
      activityType: 'itemsOverdue',
      previewText: { content: cut(`${whose} ${overdueWhat(items)}; mest försenad: ${title} (${first.due.days} dagar).`, PREVIEW_MAX) },
      templateParameters: [
        { name: 'items', value: overdueWhat(items) },
        { name: 'actionTitle', value: title },
      ],
      chainId,
    };
  }
  const preview = own === items.length ? `Dina ${items.length} försenade åtgärder` : own === 0 ? `${items.length} försenade åtgärder hos dina medarbetare` : `${own} egna och ${items.length - own} hos dina medarbetare`;
  return {
    topic: { source: 'text', value: 'Försenade åtgärder', webUrl: teamsTabLink(teamsAppId, OVERDUE_PAGE) },
    activityType: 'actionsOverdue',
    previewText: { content: cut(`${preview}; mest försenad: ${title} (${first.due.days} dagar).`, PREVIEW_MAX) },
    templateParameters: [
      { name: 'count', value: String(items.length) },
      { name: 'actionTitle', value: title },
    ],
    chainId,
  };
}
