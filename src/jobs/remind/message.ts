// One reminder: the body of POST /users/{id}/teamwork/sendActivityNotification for one person,
// summing up everything not yet klar that they report (and, for a manager, their reports'), with a
// deep link to Att göra for the most urgent plan and period, filtered to what is not yet klar.
import type { ItemState, SubPage } from '../../core';
import { deadlineDateLabel, teamsTabLink } from '../../core';
import type { ActivityNotificationBody } from '../notify/message';
import { chainIdFor } from '../notify/message';
import type { Occasion } from './occasions';
import { whenText } from './occasions';
import type { PeriodDue, UnfinishedItem } from './scan';

/** The recipient's part: the items they report, or (as a manager) items their reports have not finished. */
export type ReminderRole = 'reporter' | 'manager';

export interface ReminderItem extends UnfinishedItem {
  /** For a manager: the owner by name (never an address in what people read). */
  readonly ownerName?: string;
}

/** One occasion of one plan's period for one person: what its record (`key`) says was sent. */
export interface ReminderPart {
  readonly role: ReminderRole;
  readonly period: PeriodDue;
  readonly occasion: Occasion;
  /** The record's key in the Körningar list. */
  readonly key: string;
  readonly items: readonly ReminderItem[];
}

const PREVIEW_MAX = 150;
const TITLE_MAX = 60;
const PEOPLE_MAX = 80;

function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

export function itemsText(n: number): string {
  return n === 1 ? '1 uppföljning' : `${n} uppföljningar`;
}

const STATE_WORDS: Readonly<Record<Exclude<ItemState, 'done' | 'approved'>, readonly [string, string]>> = {
  'not-started': ['ej påbörjad', 'ej påbörjade'],
  draft: ['utkast', 'utkast'],
  returned: ['återremitterad', 'återremitterade'],
};

/** "3 ej påbörjade, 2 utkast, 1 återremitterad". */
export function statesText(items: readonly UnfinishedItem[]): string {
  const parts: string[] = [];
  for (const [state, [one, many]] of Object.entries(STATE_WORDS)) {
    const n = items.filter((i) => i.state === state).length;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return parts.join(', ');
}

/** Each owner by name with how many items, most first. */
function perOwner(items: readonly ReminderItem[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const i of items) {
    const name = i.ownerName ?? i.ownerUpn?.split('@')[0] ?? '?';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'));
}

/** "Anna Berg, Johan Ek och Sara Lund", the one with the most items first. */
export function peopleText(items: readonly ReminderItem[]): string {
  const names = perOwner(items).map(([name]) => name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1] ?? ''}`;
}

/** "Anna Berg 12, Johan Ek 3". */
function countsText(items: readonly ReminderItem[]): string {
  return perOwner(items)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
}

/** Late before early, then by plan and period: the first part is the one the reminder leads with. */
export function byUrgency(a: ReminderPart, b: ReminderPart): number {
  return a.occasion.daysLeft - b.occasion.daysLeft || a.period.planKey.localeCompare(b.period.planKey, 'sv') || a.period.periodKey.localeCompare(b.period.periodKey);
}

/** Att göra for the plan and period, only what is not yet klar. */
export function todoPage(period: Pick<PeriodDue, 'planKey' | 'periodKey'>): SubPage {
  return { kind: 'todo', planKey: period.planKey, periodKey: period.periodKey, notDone: true };
}

/**
 * The same number for the same recipient and day, and not notify's: Teams replaces a notification
 * with an earlier one's chainId, and a reminder must not replace the day's overdue notice.
 */
export function reminderChainId(recipientUpn: string, asOf: string): number {
  return chainIdFor(`remind:${recipientUpn}`, asOf);
}

/** `parts` in any order; at least one. */
export function reminderBody(parts: readonly ReminderPart[], recipientUpn: string, asOf: string, teamsAppId: string): ActivityNotificationBody {
  const own = parts.filter((p) => p.role === 'reporter').sort(byUrgency);
  const theirs = parts.filter((p) => p.role === 'manager').sort(byUrgency);
  const first = own[0] ?? theirs[0];
  if (!first) throw new Error('A reminder needs at least one part');
  const when = whenText(first.occasion, deadlineDateLabel(first.period.deadline, asOf));
  const planTitle = cut(first.period.planTitle, TITLE_MAX);
  const topic = { source: 'text' as const, value: cut(`Att göra: ${first.period.planTitle}`, TITLE_MAX), webUrl: teamsTabLink(teamsAppId, todoPage(first.period)) };
  const chainId = reminderChainId(recipientUpn, asOf);
  const othersOwn = own.slice(1);
  const theirCount = theirs.reduce((n, p) => n + p.items.length, 0);
  if (first.role === 'reporter') {
    const also = [
      ...othersOwn.map((p) => `${p.items.length} i ${p.period.planTitle}`),
      ...(theirCount > 0 ? [`${itemsText(theirCount)} hos dina medarbetare`] : []),
    ];
    const preview = `${statesText(first.items)}; ${first.items.length === 1 ? 'markera den klar' : 'markera dem klara'} i Att göra.${also.length > 0 ? ` Dessutom ${also.join(', ')}.` : ''}`;
    return {
      topic,
      activityType: 'reportingDue',
      previewText: { content: cut(preview, PREVIEW_MAX) },
      templateParameters: [
        { name: 'planTitle', value: planTitle },
        { name: 'items', value: itemsText(first.items.length) },
        { name: 'when', value: when },
      ],
      chainId,
    };
  }
  const people = peopleText(first.items);
  const others = theirs.slice(1).map((p) => `${p.items.length} i ${p.period.planTitle}`);
  const preview = `${countsText(first.items)}.${others.length > 0 ? ` Dessutom ${others.join(', ')}.` : ''}`;
  return {
    topic,
    activityType: 'reportingLate',
    previewText: { content: cut(preview, PREVIEW_MAX) },
    templateParameters: [
      { name: 'people', value: cut(people, PEOPLE_MAX) },
      { name: 'items', value: itemsText(first.items.length) },
      { name: 'planTitle', value: planTitle },
      { name: 'when', value: when },
    ],
    chainId,
  };
}
