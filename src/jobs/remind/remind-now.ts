// "Påminn nu": the controller reminds chosen people of one plan's period at once, through the
// reminders' own path — the same digest text and deep link, the same delivery, and a record in
// Körningar per person and day, so a second press the same day sends nothing twice.
import { planKey } from '../../core';
import type { FollowUpStore, LoadedPlan } from '../../store';
import { foundPerson, graphClientOf, upnKey } from '../../store';
import { claimNotice, dropNotice, markNoticeSent } from '../../store/action-notices';
import { newRunId } from '../../store/lease';
import { deliver } from '../notify/deliver';
import { createPacer } from '../notify/pacer';
import { GRAPH_SENDS_PER_SECOND } from '../notify/settings';
import type { ReminderPart } from './message';
import { reminderBody } from './message';
import type { Occasion } from './occasions';
import { recordExpiry, recordKey } from './records';
import { unfinishedIn } from './scan';

export type RemindNowOutcome =
  | { readonly upn: string; readonly status: 'sent' | 'sent-earlier' | 'nothing-unfinished' | 'unreached' | 'failed'; readonly items: number; readonly message?: string };

export interface RemindNowRequest {
  readonly plan: LoadedPlan;
  readonly periodKey: string;
  readonly upns: readonly string[];
  /** YYYY-MM-DD, the day in the organisation's time zone. */
  readonly asOf: string;
  readonly teamsAppId: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function remindNow(store: FollowUpStore, request: RemindNowRequest): Promise<RemindNowOutcome[]> {
  const { plan, periodKey, asOf } = request;
  const key = planKey(plan.plan.organisationCode, plan.plan.year);
  const period = plan.periods.find((p) => p.key === periodKey);
  const deadline = period?.deadline ?? asOf;
  const { unfinished } = unfinishedIn(plan, periodKey);
  const occasion: Occasion = { id: `manual-${asOf}`, kind: deadline < asOf ? 'late' : 'before', deadline, daysLeft: daysBetween(asOf, deadline), lastDay: asOf };
  const holder = newRunId();
  const pacer = createPacer(GRAPH_SENDS_PER_SECOND);
  const counts = { throttled: 0, installs: 0 };
  const people = await store.people({ users: request.upns });
  const outcomes: RemindNowOutcome[] = [];
  for (const upn of request.upns) {
    const items = unfinished.filter((i) => i.ownerUpn !== undefined && upnKey(i.ownerUpn) === upnKey(upn));
    if (items.length === 0) {
      outcomes.push({ upn, status: 'nothing-unfinished', items: 0 });
      continue;
    }
    const person = foundPerson(people.users.get(upnKey(upn)));
    if (!person) {
      outcomes.push({ upn, status: 'unreached', items: items.length, message: 'Personen finns inte i katalogen.' });
      continue;
    }
    const part: ReminderPart = {
      role: 'reporter',
      period: { planKey: key, planTitle: plan.plan.title, periodKey, deadline, unfinished, items: unfinished.length },
      occasion,
      key: recordKey(key, periodKey, occasion.id, upn),
      items,
    };
    const claim = await claimNotice(store, part.key, holder, recordExpiry(asOf));
    if (claim.status !== 'claimed') {
      outcomes.push({ upn, status: 'sent-earlier', items: items.length });
      continue;
    }
    const body = reminderBody([part], person.upn, asOf, request.teamsAppId);
    const delivery = await deliver(graphClientOf(store), { recipient: { id: person.id, upn: person.upn, displayName: person.displayName }, body }, { pacer, teamsAppId: request.teamsAppId, throttledRounds: 3, counts });
    if (delivery.kind === 'sent') {
      await markNoticeSent(store, claim.notice);
      outcomes.push({ upn, status: 'sent', items: items.length });
    } else {
      await dropNotice(store, claim.notice).catch(() => undefined);
      outcomes.push({ upn, status: delivery.kind === 'unreached' ? 'unreached' : 'failed', items: items.length, message: delivery.kind === 'unreached' ? delivery.reason : delivery.error });
    }
  }
  return outcomes;
}
