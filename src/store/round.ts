// The reporting round's writes: mark an entry klar, reopen it, send it back, approve it (one, or
// every klar one of a period at once). Each goes by the rules of core/round.ts and writes with
// If-Match: an entry someone changed since it was read is a conflict, never overwritten. The
// actor's UPN and role are arguments: the caller (the write API) decides who is a controller.
import type { FollowUpEntry, RoundAction, RoundRole, SubjectKind } from '../core';
import { applyRoundAction, itemStateOf, lockedMessage } from '../core';
import type { GraphClient } from '../graph';
import { ifMatchHeader, isConflict } from '../graph';
import type { ListItem } from '../lists/mapping';
import { followUpFields, followUpFromItem } from '../lists/mapping';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { LoadedPlan, StoredEntry } from './loaded-plan';
import { entryOf } from './loaded-plan';
import { toListItem } from './read-items';
import { listPath } from './site';

export interface RoundActorRef {
  readonly upn: string;
  readonly role: RoundRole;
}

/** One entry to move: which thing and period, and the entry as the user saw it (its eTag goes in If-Match). */
export interface RoundStep {
  readonly subjectKind: SubjectKind;
  readonly subjectRef: string;
  readonly periodKey: string;
  /** Absent: the entry as the plan was loaded. */
  readonly base?: StoredEntry | undefined;
}

export interface RoundWriteRefusal {
  readonly code: 'locked' | 'unknown-subject' | 'state' | 'role' | 'comment-required';
  readonly message: string;
}

export type RoundWriteResult =
  | { readonly status: 'saved'; readonly saved: StoredEntry }
  /** Someone changed the entry since `base` was read: nothing was written; the server's version is here. */
  | { readonly status: 'conflict'; readonly server: StoredEntry; readonly mine: FollowUpEntry }
  | { readonly status: 'refused'; readonly refusal: RoundWriteRefusal };

/** The columns a round action writes: the state, who and when, and a send-back's comment. */
const ROUND_FIELDS = ['State', 'StateByUpn', 'StateAt', 'ReturnComment'] as const;

/** The store's clock, so StateAt agrees with ReportedAt (both written by the same store). */
function nowOf(store: FollowUpStore): Date {
  return store['clock']();
}

interface Prepared {
  readonly base: StoredEntry;
  readonly entry: FollowUpEntry;
  readonly path: string;
  readonly body: Record<string, string | number | boolean | null>;
}

function prepare(
  store: FollowUpStore,
  plan: LoadedPlan,
  step: RoundStep,
  action: Exclude<RoundAction, 'save'>,
  actor: RoundActorRef,
  comment?: string,
): { ok: true; prepared: Prepared } | { ok: false; refusal: RoundWriteRefusal } {
  const period = plan.periods.find((p) => p.key === step.periodKey);
  if (!period) return { ok: false, refusal: { code: 'unknown-subject', message: `Perioden ${step.periodKey} hör inte till planen ${plan.plan.title}.` } };
  if (period.locked) return { ok: false, refusal: { code: 'locked', message: lockedMessage(period.key) } };
  const base = step.base ?? entryOf(plan, step.subjectKind, step.subjectRef, step.periodKey);
  const moved = applyRoundAction(base, action, { actor, byUpn: actor.upn, now: nowOf(store), comment });
  if (!moved.ok) return { ok: false, refusal: moved.refusal };
  // applyRoundAction refuses an item without an entry, so a base is here.
  if (!base) return { ok: false, refusal: { code: 'state', message: 'Det finns inget rapporterat att markera som klart. Spara först.' } };
  const fields = followUpFields(moved.entry, { planItemId: plan.planItemId, subjectItemId: base.subjectItemId });
  const body = Object.fromEntries(ROUND_FIELDS.map((name) => [name, fields[name] ?? null]));
  return { ok: true, prepared: { base, entry: moved.entry, path: `${listPath(store.site, 'FollowUps')}/items/${base.itemId}`, body } };
}

function asEntry(item: ListItem, base: StoredEntry): StoredEntry {
  return followUpFromItem(item, () => base.subjectRef);
}

async function readEntry(client: GraphClient, prepared: Prepared): Promise<StoredEntry> {
  return asEntry(toListItem(await client.get(`${prepared.path}?$expand=fields`)), prepared.base);
}

async function write(store: FollowUpStore, prepared: Prepared): Promise<RoundWriteResult> {
  const client = graphClientOf(store);
  try {
    const written = await client.patch<Record<string, unknown>>(`${prepared.path}/fields`, prepared.body, { ifMatch: prepared.base.eTag });
    const eTag = written.eTag ?? (typeof written.body['@odata.etag'] === 'string' ? written.body['@odata.etag'] : '');
    return { status: 'saved', saved: asEntry({ id: prepared.base.itemId, eTag, fields: written.body }, prepared.base) };
  } catch (error) {
    if (isConflict(error)) return { status: 'conflict', server: await readEntry(client, prepared), mine: prepared.entry };
    throw error;
  }
}

async function step(store: FollowUpStore, plan: LoadedPlan, s: RoundStep, action: Exclude<RoundAction, 'save'>, actor: RoundActorRef, comment?: string): Promise<RoundWriteResult> {
  const ready = prepare(store, plan, s, action, actor, comment);
  return ready.ok ? write(store, ready.prepared) : { status: 'refused', refusal: ready.refusal };
}

/** The reporter marks an entry klar: it is read-only to them until reopened or sent back. */
export function markDone(store: FollowUpStore, plan: LoadedPlan, s: RoundStep, actor: RoundActorRef): Promise<RoundWriteResult> {
  return step(store, plan, s, 'mark-done', actor);
}

/** A klar entry back to utkast (by its reporter or a controller); an approved one only by a controller. */
export function reopen(store: FollowUpStore, plan: LoadedPlan, s: RoundStep, actor: RoundActorRef): Promise<RoundWriteResult> {
  return step(store, plan, s, 'reopen', actor);
}

/** A controller sends a klar or approved entry back with a comment saying what to change. */
export function sendBack(store: FollowUpStore, plan: LoadedPlan, s: RoundStep, comment: string, actor: RoundActorRef): Promise<RoundWriteResult> {
  return step(store, plan, s, 'send-back', actor, comment);
}

/** A controller approves a klar entry: from then on only a controller changes it. */
export function approve(store: FollowUpStore, plan: LoadedPlan, s: RoundStep, actor: RoundActorRef): Promise<RoundWriteResult> {
  return step(store, plan, s, 'approve', actor);
}

export interface ApproveAllResult {
  readonly approved: StoredEntry[];
  /** Changed by someone since the plan was loaded: left as the server has them. */
  readonly conflicts: StoredEntry[];
  /** Not klar (or the period is locked): nothing was written for them. */
  readonly refused: ReadonlyArray<{ readonly entry: StoredEntry; readonly refusal: RoundWriteRefusal }>;
  /** Graph failed the write (after its retries): these may be approved again. */
  readonly failed: ReadonlyArray<{ readonly entry: StoredEntry; readonly status: number }>;
}

/**
 * Every klar entry of one period approved at once: the writes go in $batch (20 to a batch), each
 * with its own If-Match. Entries not klar are left alone and reported; so are conflicts.
 */
export async function approveAll(store: FollowUpStore, plan: LoadedPlan, periodKey: string, actor: RoundActorRef): Promise<ApproveAllResult> {
  const client = graphClientOf(store);
  const candidates = plan.entries.filter((e) => e.periodKey === periodKey && itemStateOf(e) === 'done');
  const refused: Array<{ entry: StoredEntry; refusal: RoundWriteRefusal }> = [];
  const ready: Prepared[] = [];
  for (const entry of candidates) {
    const prepared = prepare(store, plan, { subjectKind: entry.subjectKind, subjectRef: entry.subjectRef, periodKey, base: entry }, 'approve', actor);
    if (prepared.ok) ready.push(prepared.prepared);
    else refused.push({ entry, refusal: prepared.refusal });
  }
  if (ready.length === 0) return { approved: [], conflicts: [], refused, failed: [] };
  // The answers come in the order of the requests.
  const answers = await client.batch(ready.map((p) => ({ method: 'PATCH' as const, url: `${p.path}/fields`, body: p.body, headers: ifMatchHeader(p.base.eTag) })));
  const approved: StoredEntry[] = [];
  const lost: Prepared[] = [];
  const failed: Array<{ entry: StoredEntry; status: number }> = [];
  ready.forEach((prepared, i) => {
    const answer = answers[i];
    if (answer && answer.status >= 200 && answer.status < 300) {
      const body = (answer.body ?? {}) as Record<string, unknown>;
      const eTag = String(answer.headers['ETag'] ?? answer.headers['etag'] ?? body['@odata.etag'] ?? '');
      approved.push(asEntry({ id: prepared.base.itemId, eTag, fields: body }, prepared.base));
    } else if (answer?.status === 412) lost.push(prepared);
    else failed.push({ entry: prepared.base, status: answer?.status ?? 0 });
  });
  const conflicts = lost.length === 0 ? [] : await Promise.all(lost.map((p) => readEntry(client, p)));
  return { approved, conflicts, refused, failed };
}
