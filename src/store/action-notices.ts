// What the notify job reads and writes in the lists: the overdue actions and uppdrag of every plan
// with each plan's organisation (whose ManagerUpn stands in when Entra ID knows no manager), and the
// NotifiedLevel / NotifiedOn record on an action or uppdrag, written with If-Match; and each
// notification's intent (a notice in the Körningar list), written before the send and marked once
// Graph took it.
import type { Assignment, FollowUpEntry, Organisation } from '../core';
import { comparePeriods, parsePeriodKey } from '../core';
import { GraphRequestError, parseRetryAfter } from '../graph';
import type { Stored } from '../lists/mapping';
import { actionFromItem, assignmentFromItem, followUpFromItem, leaseFields, leaseFromItem, organisationFromItem, planFromItem } from '../lists/mapping';
import { readDate, readNumber, writeDate } from '../lists/fields';
import { planKey } from '../lists/schema';
import type { FollowUpStore, OverdueAction } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { StoredAction } from './loaded-plan';
import { readItemsBatched, toListItem } from './read-items';
import { itemsQuery, listPath, odataString } from './site';


export interface PlanContext {
  /** `ORG:YEAR` */
  readonly key: string;
  readonly title: string;
  readonly organisation: Stored<Organisation>;
}

export interface OverdueScan {
  readonly actions: readonly OverdueAction[];
  /** By plan item id. */
  readonly plans: ReadonlyMap<string, PlanContext>;
}

/**
 * The store's overdue actions (by the rules: the indexed query, then the candidates' reports) with
 * the plans and organisations read in the same $batch: two round trips for the whole site, plus
 * further pages for very large ones.
 */
export async function scanOverdue(store: FollowUpStore, asOf: string): Promise<OverdueScan> {
  const {
    actions,
    also: [plans = [], organisations = []],
  } = await store.overdueActions(asOf, [itemsQuery(store.site, 'Plans'), itemsQuery(store.site, 'Organisations')]);
  const codeOf = new Map(organisations.map((o) => [o.id, String(o.fields.Code ?? '')]));
  const organisationById = new Map(organisations.map((o) => [o.id, organisationFromItem(o, (id) => codeOf.get(id))]));
  const context = new Map<string, PlanContext>();
  for (const item of plans) {
    const plan = planFromItem(item);
    const organisation = organisationById.get(plan.organisationItemId);
    if (organisation) context.set(item.id, { key: planKey(plan.organisationCode, plan.year), title: plan.title, organisation });
  }
  return { actions, plans: context };
}

/** An uppdrag past its due date and not carried out, with the notify job's record on it. */
export type OverdueAssignment = Stored<Assignment> & { readonly planItemId: string; readonly notifiedLevel?: number; readonly notifiedOn?: string };

/** SharePoint's URL limit leaves room for this many `SubjectId eq n` clauses in one query. */
const SUBJECTS_PER_QUERY = 40;

/**
 * Carried out: the latest report that assesses it says "Har genomförts" (achieved). Partly or not
 * carried out, not assessable, or never reported: still owed once its due date has passed.
 */
export function isAssignmentDone(entries: readonly FollowUpEntry[]): boolean {
  const assessed = entries.filter((e) => e.assessment !== undefined);
  const order = (e: FollowUpEntry) => parsePeriodKey(e.periodKey);
  const latest = [...assessed].sort((a, b) => {
    const pa = order(a);
    const pb = order(b);
    return pa && pb ? comparePeriods(pb, pa) : b.periodKey.localeCompare(a.periodKey);
  })[0];
  return latest?.assessment === 'achieved';
}

/**
 * Uppdrag of every plan that is not archived whose due date is before `asOf` and that are not
 * carried out: per plan (DueDate is not indexed, and the list view threshold wants one plan first),
 * in one $batch, then the candidates' reports in one more. Archived uppdrag are left out.
 */
export async function scanOverdueAssignments(store: FollowUpStore, asOf: string): Promise<OverdueAssignment[]> {
  const client = graphClientOf(store);
  const [plans = []] = await readItemsBatched(client, [itemsQuery(store.site, 'Plans', { fields: ['Status'] })]);
  const chased = plans.filter((plan) => plan.fields.Status !== 'archived');
  if (chased.length === 0) return [];
  const pages = await readItemsBatched(
    client,
    chased.map((plan) => itemsQuery(store.site, 'Assignments', { filter: `fields/PlanLookupId eq ${Number(plan.id)}` })),
    chased.map((plan) => ({ url: itemsQuery(store.site, 'Assignments'), keep: (item) => String(item.fields.PlanLookupId ?? '') === plan.id })),
  );
  const candidates = pages.flat().flatMap((item): OverdueAssignment[] => {
    const assignment = assignmentFromItem(item, () => undefined);
    if (assignment.archived || assignment.dueDate === undefined || assignment.dueDate >= asOf) return [];
    const notice = { notifiedLevel: readNumber(item.fields, 'NotifiedLevel'), notifiedOn: readDate(item.fields, 'NotifiedOn') };
    return [{ ...assignment, planItemId: String(item.fields.PlanLookupId ?? ''), ...(notice.notifiedLevel !== undefined ? { notifiedLevel: notice.notifiedLevel } : {}), ...(notice.notifiedOn ? { notifiedOn: notice.notifiedOn } : {}) }];
  });
  if (candidates.length === 0) return [];
  const ids = candidates.map((a) => Number(a.itemId));
  const chunks = Array.from({ length: Math.ceil(ids.length / SUBJECTS_PER_QUERY) }, (_, i) => ids.slice(i * SUBJECTS_PER_QUERY, (i + 1) * SUBJECTS_PER_QUERY));
  const reports = (await readItemsBatched(client, chunks.map((chunk) => itemsQuery(store.site, 'FollowUps', { filter: chunk.map((id) => `fields/SubjectId eq ${id}`).join(' or ') })))).flat();
  const refOf = new Map(candidates.map((a) => [a.itemId, a.ref]));
  const byAssignment = new Map<string, FollowUpEntry[]>();
  for (const item of reports) {
    if (item.fields.SubjectKind !== 'assignment') continue;
    const entry = followUpFromItem(item, (_kind, id) => refOf.get(id));
    if (!entry.subjectRef) continue;
    byAssignment.set(entry.subjectItemId, [...(byAssignment.get(entry.subjectItemId) ?? []), entry]);
  }
  return candidates.filter((a) => !isAssignmentDone(byAssignment.get(a.itemId) ?? []));
}

export interface ActionNoticeWrite {
  /** The list the item is in: an åtgärd's (default) or an uppdrag's. */
  readonly list?: 'Actions' | 'Assignments';
  readonly itemId: string;
  /** The eTag the decision was made on: a newer version of the item is a conflict, not overwritten. */
  readonly eTag: string;
  /** 1: the owner was told; 2: the owner's manager was told. */
  readonly level: number;
  /** YYYY-MM-DD */
  readonly on: string;
}

export type ActionNoticeResult =
  | { readonly status: 'saved'; readonly itemId: string; readonly eTag: string }
  /** Someone changed the item since its eTag was read; `server` is the item now. Nothing written. */
  | { readonly status: 'conflict'; readonly itemId: string; readonly server: StoredAction }
  | { readonly status: 'failed'; readonly itemId: string; readonly error: GraphRequestError };

/**
 * Writes NotifiedLevel and NotifiedOn on each action, in $batch chunks, each with If-Match. On a
 * 412 the item is read again (one more $batch) so the caller can decide on the current version.
 */
export async function writeActionNotices(store: FollowUpStore, writes: readonly ActionNoticeWrite[]): Promise<ActionNoticeResult[]> {
  if (writes.length === 0) return [];
  const itemsOf = (w: ActionNoticeWrite) => `${listPath(store.site, w.list ?? 'Actions')}/items`;
  const responses = await graphClientOf(store).batch(
    writes.map((w) => ({
      method: 'PATCH' as const,
      url: `${itemsOf(w)}/${w.itemId}/fields`,
      body: { NotifiedLevel: w.level, NotifiedOn: writeDate(w.on) },
      headers: { 'If-Match': w.eTag },
    })),
  );
  const conflicts = writes.filter((_, i) => responses[i]?.status === 412);
  const current = conflicts.length === 0 ? [] : await graphClientOf(store).batch(conflicts.map((w) => ({ method: 'GET' as const, url: `${itemsOf(w)}/${w.itemId}?$expand=fields` })));
  const serverOf = new Map(conflicts.map((w, i) => [w, current[i]]));
  return writes.map((write, i): ActionNoticeResult => {
    const response = responses[i];
    const url = `${itemsOf(write)}/${write.itemId}/fields`;
    if (!response) return { status: 'failed', itemId: write.itemId, error: toGraphError(0, undefined, {}, 'PATCH', url) };
    if (response.status >= 200 && response.status < 300) {
      const body = response.body as Record<string, unknown> | undefined;
      const eTag = String(response.headers['ETag'] ?? response.headers['etag'] ?? body?.['@odata.etag'] ?? '');
      return { status: 'saved', itemId: write.itemId, eTag };
    }
    const server = serverOf.get(write);
    if (response.status === 412 && server && server.status === 200) {
      const item = toListItem(server.body as Parameters<typeof toListItem>[0]);
      return { status: 'conflict', itemId: write.itemId, server: actionFromItem(item, () => undefined) };
    }
    return { status: 'failed', itemId: write.itemId, error: toGraphError(response.status, response.body, response.headers, 'PATCH', url) };
  });
}

/** A batch step's failure as the typed error a plain request would have thrown. */
function toGraphError(status: number, body: unknown, headers: Record<string, string>, method: string, url: string): GraphRequestError {
  const envelope = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const retryAfterMs = parseRetryAfter(headers['Retry-After'] ?? headers['retry-after'], undefined, Date.now());
  return new GraphRequestError({
    status,
    code: envelope?.code ?? (status === 0 ? 'batchResponseMissing' : `http${status}`),
    message: envelope?.message ?? `${method} ${url} misslyckades (${status})`,
    method,
    url,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

// Notices: a notification's intent, written before its send -----------------------------------

/** A notification between its intent and its record: an item of the Körningar list. */
export interface Notice {
  readonly key: string;
  readonly itemId: string;
  readonly eTag: string;
}

export type NoticeClaim =
  /** Nobody sent it yet today: send it. */
  | { readonly status: 'claimed'; readonly notice: Notice }
  /** An earlier run sent it and could not finish its record: record it, do not send it again. */
  | { readonly status: 'sent-earlier'; readonly notice: Notice }
  /** An earlier run wrote the intent and never said whether the send went: not sent again today. */
  | { readonly status: 'in-doubt'; readonly notice: Notice; readonly holder: string };

/** One notice per recipient and day: the same notification the day's other runs would send. */
export function noticeKey(asOf: string, recipientUpn: string): string {
  return `notice:${asOf}:${recipientUpn.toLowerCase()}`;
}

const leaseItems = (store: FollowUpStore) => `${listPath(store.site, 'Leases')}/items`;

/**
 * Writes the intent (state pending) before the send. The unique Key lets one run through; a run
 * that finds an intent there already learns what happened to it from its state.
 */
export async function claimNotice(store: FollowUpStore, key: string, holder: string, expiresAt: string): Promise<NoticeClaim> {
  const client = graphClientOf(store);
  try {
    const { body, eTag } = await client.post<{ id: string; eTag?: string }>(leaseItems(store), { fields: leaseFields({ key, kind: 'notice', holder, expiresAt, state: 'pending' }) });
    return { status: 'claimed', notice: { key, itemId: body.id, eTag: eTag ?? body.eTag ?? '' } };
  } catch (error) {
    if (!(error instanceof GraphRequestError) || error.status !== 409) throw error;
  }
  const [items = []] = await readItemsBatched(client, [itemsQuery(store.site, 'Leases', { filter: `fields/Key eq ${odataString(key)}` })]);
  const [item] = items;
  if (!item) throw new Error(`Avsikten ${key} finns och finns inte: SharePoint svarade 409 men listan saknar den.`);
  const found = leaseFromItem(item);
  const notice = { key, itemId: found.itemId, eTag: found.eTag };
  // Our own create, sent again after a timeout: still ours to send.
  if (found.holder === holder && found.state === 'pending') return { status: 'claimed', notice };
  if (found.state === 'sent') return { status: 'sent-earlier', notice };
  return { status: 'in-doubt', notice, holder: found.holder };
}

/** Graph took the notification: the intent says so, so no later run sends it again. */
export async function markNoticeSent(store: FollowUpStore, notice: Notice): Promise<void> {
  await graphClientOf(store).patch(`${leaseItems(store)}/${notice.itemId}/fields`, { State: 'sent' }, { ifMatch: notice.eTag });
}

/** The actions carry the record now (or the send did not happen): the intent has done its work. */
export async function dropNotice(store: FollowUpStore, notice: Notice): Promise<void> {
  try {
    await graphClientOf(store).delete(`${leaseItems(store)}/${notice.itemId}`);
  } catch (error) {
    if (!(error instanceof GraphRequestError) || error.status !== 404) throw error;
  }
}
