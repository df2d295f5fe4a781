// The notice a send-back gives the reporter: one Teams activity notification, sent as the app,
// with the controller's comment and a link to the entry. The send-back is saved whether or not
// Teams takes it; the answer says which.
import type { SubjectKind } from '../core';
import { planKey, teamsTabLink } from '../core';
import { chainIdFor, createPacer, deliver, GRAPH_SENDS_PER_SECOND } from '../jobs/notify';
import type { ActivityNotificationBody } from '../jobs/notify';
import type { LoadedPlan } from '../store';
import { foundPerson, graphClientOf, upnKey } from '../store';
import type { ApiCaller } from './access-token';
import type { WriteContext } from './write-context';

export type NoticeOutcome = 'sent' | 'unreached' | 'failed' | 'off';

export interface SendBackNotice {
  readonly plan: LoadedPlan;
  readonly subject: { readonly kind: SubjectKind; readonly ref: string; readonly title: string };
  readonly periodKey: string;
  readonly recipientUpn: string;
  readonly comment: string;
  readonly by: ApiCaller;
}

const cut = (text: string, max: number) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
};

export function sendBackBody(notice: SendBackNotice, teamsAppId: string, at: Date): ActivityNotificationBody {
  const key = planKey(notice.plan.plan.organisationCode, notice.plan.plan.year);
  const itemTitle = cut(notice.subject.title, 80);
  const comment = cut(notice.comment, 100);
  return {
    topic: { source: 'text', value: `Återremitterad: ${itemTitle}`, webUrl: teamsTabLink(teamsAppId, { kind: 'item', planKey: key, subjectKind: notice.subject.kind, ref: notice.subject.ref, periodKey: notice.periodKey }) },
    activityType: 'entryReturned',
    previewText: { content: cut(`${notice.by.displayName}: ${comment}`, 150) },
    templateParameters: [
      { name: 'by', value: notice.by.displayName },
      { name: 'itemTitle', value: itemTitle },
      { name: 'comment', value: comment },
    ],
    // Each send-back its own notification, never folded into an earlier one.
    chainId: chainIdFor(notice.recipientUpn, `${key}|${notice.subject.kind}|${notice.subject.ref}|${notice.periodKey}|${at.toISOString()}`),
  };
}

export async function sendBackNotice(context: WriteContext, notice: SendBackNotice): Promise<NoticeOutcome> {
  if (!context.teamsAppId) return 'off';
  const store = await context.store();
  const found = await store.people({ users: [notice.recipientUpn] });
  const person = foundPerson(found.users.get(upnKey(notice.recipientUpn)));
  if (!person) return 'unreached';
  const delivery = await deliver(
    graphClientOf(store),
    { recipient: { id: person.id, upn: person.upn, displayName: person.displayName }, body: sendBackBody(notice, context.teamsAppId, context.now()) },
    { pacer: createPacer(GRAPH_SENDS_PER_SECOND), teamsAppId: context.teamsAppId, throttledRounds: 3, counts: { throttled: 0, installs: 0 } },
  );
  return delivery.kind === 'sent' ? 'sent' : delivery.kind;
}
