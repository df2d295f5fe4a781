// From the periods owing a reminder today to this run's reminders: one per person (all their plans
// and periods together, as reporter and as manager), leaving out every occasion a record says went
// already, and keeping for the report who could not be resolved and what was left out and why.
import type { Directory, Person } from '../notify/directory';
import type { ReminderItem, ReminderPart, ReminderRole } from './message';
import { reminderBody } from './message';
import type { ReminderRecord } from './records';
import { recordKey } from './records';
import type { PeriodDue } from './scan';

/** The records read at the start of the run, by key. */
export type RecordLookup = ReadonlyMap<string, Pick<ReminderRecord, 'state'>>;

export interface PlannedReminder {
  readonly recipient: Person;
  readonly parts: readonly ReminderPart[];
  readonly body: ReturnType<typeof reminderBody>;
}

export interface UnresolvedReminder {
  readonly role: ReminderRole;
  /** The owner whose account, or whose manager, could not be found; absent when the items have no owner. */
  readonly ownerUpn?: string;
  readonly problem: string;
  readonly planKey: string;
  readonly periodKey: string;
  readonly items: number;
}

export interface SkippedReminder {
  readonly upn: string;
  readonly role: ReminderRole;
  readonly planKey: string;
  readonly periodKey: string;
  readonly occasion: string;
  /** `sent`: a record says it went; `in-doubt`: an earlier run wrote the intent and never said whether it went. */
  readonly why: 'sent' | 'in-doubt';
}

export interface ReminderComposition {
  /** By recipient (UPN). */
  readonly reminders: readonly PlannedReminder[];
  readonly unresolved: readonly UnresolvedReminder[];
  readonly skipped: readonly SkippedReminder[];
}

const key = (upn: string): string => upn.trim().toLowerCase();

function byOwner(items: readonly ReminderItem[]): Map<string, { upn: string; items: ReminderItem[] }> {
  const owners = new Map<string, { upn: string; items: ReminderItem[] }>();
  for (const item of items) {
    if (!item.ownerUpn) continue;
    const entry = owners.get(key(item.ownerUpn)) ?? { upn: item.ownerUpn, items: [] };
    entry.items.push(item);
    owners.set(key(item.ownerUpn), entry);
  }
  return owners;
}

export function composeReminders(due: readonly PeriodDue[], directory: Directory, records: RecordLookup, asOf: string, teamsAppId: string): ReminderComposition {
  const byRecipient = new Map<string, { person: Person; parts: ReminderPart[] }>();
  const unresolved = new Map<string, UnresolvedReminder & { items: number }>();
  const skipped: SkippedReminder[] = [];

  const report = (role: ReminderRole, period: PeriodDue, ownerUpn: string | undefined, problem: string, items: number): void => {
    const k = `${role}|${period.planKey}|${period.periodKey}|${key(ownerUpn ?? '')}|${problem}`;
    const entry = unresolved.get(k);
    unresolved.set(k, { role, ...(ownerUpn ? { ownerUpn } : {}), problem, planKey: period.planKey, periodKey: period.periodKey, items: (entry?.items ?? 0) + items });
  };
  const add = (person: Person, part: Omit<ReminderPart, 'key'>): void => {
    const recordOf = recordKey(part.period.planKey, part.period.periodKey, part.occasion.id, person.upn);
    const existing = records.get(recordOf);
    if (existing) {
      skipped.push({ upn: person.upn, role: part.role, planKey: part.period.planKey, periodKey: part.period.periodKey, occasion: part.occasion.id, why: existing.state === 'sent' ? 'sent' : 'in-doubt' });
      return;
    }
    const entry = byRecipient.get(key(person.upn)) ?? { person, parts: [] };
    entry.parts.push({ ...part, key: recordOf });
    byRecipient.set(key(person.upn), entry);
  };

  for (const period of due) {
    const ownerless = period.unfinished.filter((i) => !i.ownerUpn);
    if (ownerless.length > 0 && period.reporter) report('reporter', period, undefined, 'Saknar ansvarig i planen.', ownerless.length);
    const owners = byOwner(period.unfinished);
    if (period.reporter) {
      for (const { upn, items } of owners.values()) {
        const owner = directory.owner(upn);
        if ('person' in owner) add(owner.person, { role: 'reporter', period, occasion: period.reporter, items });
        else report('reporter', period, upn, owner.problem, items.length);
      }
    }
    if (period.manager) {
      const byManager = new Map<string, { person: Person; items: ReminderItem[] }>();
      for (const { upn, items } of owners.values()) {
        const manager = directory.manager(upn, period.organisationManagerUpn);
        if (!('person' in manager)) {
          report('manager', period, upn, manager.problem, items.length);
          continue;
        }
        const owner = directory.owner(upn);
        const ownerName = 'person' in owner ? owner.person.displayName : undefined;
        const entry = byManager.get(key(manager.person.upn)) ?? { person: manager.person, items: [] };
        entry.items.push(...items.map((i) => (ownerName ? { ...i, ownerName } : i)));
        byManager.set(key(manager.person.upn), entry);
      }
      for (const { person, items } of byManager.values()) add(person, { role: 'manager', period, occasion: period.manager, items });
    }
  }

  const reminders = [...byRecipient.keys()].sort().map((k) => {
    const { person, parts } = byRecipient.get(k) as { person: Person; parts: ReminderPart[] };
    return { recipient: person, parts, body: reminderBody(parts, person.upn, asOf, teamsAppId) };
  });
  return { reminders, unresolved: [...unresolved.values()], skipped };
}
