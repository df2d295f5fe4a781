// Plan editing: create, update, reorder and remove the things of a plan. Every item is checked by
// the plan items' one validator first (refused with the message at each field, nothing written);
// every update carries If-Match, and a newer version on the server is a conflict shown with that
// version, never overwritten. A thing that has been reported on is archived, never deleted, so
// earlier periods' reports still show it.
//
// Who may edit (the plan's controllers) is decided by the write API before it calls these; the
// actor's UPN is an argument, never read from a token here.
import type { PlanItemDraft, PlanItemIssue, PlanItemKind, PlanItemParent } from '../core';
import { PLAN_ITEM_NOUN, comparePeriods, periodLabel, parsePeriodKey, planItemToModel, validatePlanItem } from '../core';
import type { BatchRequest, BatchResponse, GraphClient } from '../graph';
import { isConflict, isGraphRequestError } from '../graph';
import type { ListItem, WriteFields } from '../lists/mapping';
import { planItemKey } from '../lists/schema';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { LoadedPlan } from './loaded-plan';
import { changedFields } from './plan-import';
import type { StoredPlanItem } from './plan-item-kinds';
import { LIST_OF, SUBJECT_OF, childrenOf, fieldsOf, findItem, itemsOf, modelOf, othersThan, parentOf, sameParent, sortOrderOf, sourceItem } from './plan-item-kinds';
import { readItems, readItemsBatched, toListItem } from './read-items';
import { itemsQuery, listPath, odataString } from './site';

export type { StoredPlanItem } from './plan-item-kinds';

export type PlanEditResult<T> =
  | { readonly status: 'saved'; readonly saved: T }
  /** Someone else changed it since the version the user started from: nothing was written; the server's version is here, and who saved it when. */
  | { readonly status: 'conflict'; readonly server: T; readonly mine: unknown; readonly editedBy?: EditedBy }
  /** The rules refuse it: nothing was written; each message is at its field (`parent`, `plan` and `refs` besides the item's own). */
  | { readonly status: 'refused'; readonly issues: readonly PlanItemIssue[] };

/** A new item: its fields as the editor holds them; a ref is assigned when the draft has none. */
export interface PlanItemCreate<K extends PlanItemKind = PlanItemKind> {
  readonly kind: K;
  readonly draft: Partial<PlanItemDraft<K>>;
  /** What it goes under: a goal for a styrtal or an uppdrag, a risk for an åtgärd, a goal for an aktivitet. */
  readonly parent?: PlanItemParent | undefined;
}

export interface PlanItemUpdate<K extends PlanItemKind = PlanItemKind> {
  readonly kind: K;
  readonly ref: string;
  /** The item's fields as they should be; its ref stays. An åtgärd's status stays unless given. */
  readonly draft: Partial<PlanItemDraft<K>>;
  /** Moves it under another goal or risk; absent, it stays where it is. */
  readonly parent?: PlanItemParent | undefined;
  /** The version the user started from: a newer one on the server is a conflict. */
  readonly eTag: string;
}

export interface PlanItemReorder {
  readonly kind: PlanItemKind;
  /** Whose items are ordered (a goal's styrtal, a risk's åtgärder); absent for goals and risks. */
  readonly parent?: PlanItemParent | undefined;
  /** Every one of those items, in the new order. */
  readonly refs: readonly string[];
  /** The version of each the user saw (by ref); the loaded plan's when absent. */
  readonly eTags?: Readonly<Record<string, string>>;
}

export interface PlanItemRemoval {
  readonly kind: PlanItemKind;
  readonly ref: string;
  /** The version the user started from. */
  readonly eTag: string;
  /** The user confirmed the question `needs-confirmation` asked. */
  readonly confirmed?: boolean;
}

export interface RemovedItem {
  readonly kind: PlanItemKind;
  readonly ref: string;
  readonly title: string;
}

export type PlanRemoveResult =
  /** `deleted` when nothing of it was reported on; `archived` when something was (then nothing is deleted). */
  | { readonly status: 'removed'; readonly deleted: readonly RemovedItem[]; readonly archived: readonly RemovedItem[] }
  /** Reported entries or items under it: the question to put to the user; nothing was written. */
  | { readonly status: 'needs-confirmation'; readonly message: string; readonly reportedPeriods: readonly string[]; readonly items: readonly RemovedItem[] }
  | Exclude<PlanEditResult<StoredPlanItem>, { status: 'saved' }>;

/** Who last saved an item in the plan editor, and when (the EditedByUpn and EditedAt columns). */
export interface EditedBy {
  readonly upn: string;
  readonly at?: string;
  /** The person's display name, when the caller looked it up (the write API does). */
  readonly name?: string;
}

function editedByOf(item: { readonly fields: Record<string, unknown> }): { editedBy: EditedBy } | Record<string, never> {
  const upn = item.fields['EditedByUpn'];
  const at = item.fields['EditedAt'];
  return typeof upn === 'string' && upn !== '' ? { editedBy: { upn, ...(typeof at === 'string' ? { at } : {}) } } : {};
}

/** What every write of the plan editor records beside the item's fields. */
function edited(store: FollowUpStore, actorUpn: string): WriteFields {
  return { EditedByUpn: actorUpn.trim(), EditedAt: store['clock']().toISOString() };
}

type Refused = Extract<PlanEditResult<never>, { status: 'refused' }>;
const refused = (field: string, message: string): Refused => ({ status: 'refused', issues: [{ field, message }] });

/** Why no one may change this plan now, whoever asks: it is archived, or no one is named as asking. */
function planRefusal(plan: LoadedPlan, actorUpn: string): Refused | undefined {
  if (actorUpn.trim() === '') return refused('plan', 'Vem som ändrar planen saknas; ingenting har sparats.');
  if (plan.plan.status === 'archived') return refused('plan', `Planen ${plan.plan.title} är arkiverad och kan inte ändras.`);
  return undefined;
}

function archivedParent(plan: LoadedPlan, parent: PlanItemParent | undefined): Refused | undefined {
  const item = parent && findItem(plan, parent.kind, parent.ref);
  return item?.archived && parent ? refused('parent', `${PLAN_ITEM_NOUN[parent.kind].definite} ${JSON.stringify(item.title)} är arkiverat och kan inte få nya saker under sig`) : undefined;
}

/** Creates an item at the end of its list, after validating it against the plan. */
export async function createPlanItem<K extends PlanItemKind>(store: FollowUpStore, plan: LoadedPlan, create: PlanItemCreate<K>, actorUpn: string): Promise<PlanEditResult<StoredPlanItem<K>>> {
  const { kind, parent } = create;
  const blocked = planRefusal(plan, actorUpn) ?? archivedParent(plan, parent);
  if (blocked) return blocked;
  const draft = { ...create.draft, ref: create.draft.ref ?? newRef(plan, kind, parent) };
  const issues = validatePlanItem(kind, draft, { others: othersThan(plan), parent });
  if (issues.length > 0) return { status: 'refused', issues };
  const model = planItemToModel(kind, draft as PlanItemDraft<K>, parent);
  const last = Math.max(0, ...itemsOf(plan, kind).map((t) => sortOrderOf(plan, kind, t.itemId)));
  const fields = { ...fieldsOf(plan, kind, model, last + 1), ...edited(store, actorUpn) };
  const client = graphClientOf(store);
  const items = `${listPath(store.site, LIST_OF[kind])}/items`;
  try {
    const { body } = await client.post<{ id: string; eTag?: string; fields?: Record<string, unknown> }>(items, { fields });
    return { status: 'saved', saved: modelOf(plan, kind, toListItem(body)) };
  } catch (error) {
    if (!isUniqueClash(error)) throw error;
    // Someone else created the same ref meanwhile: theirs is shown, ours is not written over it.
    const [server] = await readItems(client, itemsQuery(store.site, LIST_OF[kind], { filter: `fields/Key eq ${odataString(planItemKey(plan.planItemId, draft.ref))}` }));
    if (!server) throw error;
    return { status: 'conflict', server: modelOf(plan, kind, server), mine: draft, ...editedByOf(server) };
  }
}

/** Writes an item's fields with If-Match on the version the user started from. */
export async function updatePlanItem<K extends PlanItemKind>(store: FollowUpStore, plan: LoadedPlan, update: PlanItemUpdate<K>, actorUpn: string): Promise<PlanEditResult<StoredPlanItem<K>>> {
  const { kind, ref } = update;
  const blocked = planRefusal(plan, actorUpn);
  if (blocked) return blocked;
  const current = findItem(plan, kind, ref);
  if (!current) return refused('ref', `${PLAN_ITEM_NOUN[kind].definite} ${ref} finns inte i planen ${plan.plan.title}`);
  if (current.archived) return refused('ref', `${PLAN_ITEM_NOUN[kind].definite} ${JSON.stringify(current.title)} är arkiverat och kan inte ändras`);
  if (update.draft.ref !== undefined && update.draft.ref !== ref) {
    return refused('ref', `ref kan inte ändras (${ref}): den är sakens identitet, som förra årets värden och rapporterna hittar den med`);
  }
  const parent = update.parent ?? parentOf(kind, current);
  const moved = archivedParent(plan, sameParent(parent, parentOf(kind, current)) ? undefined : parent);
  if (moved) return moved;
  // An åtgärd's status is what staff report; editing the plan leaves it as it is unless it is given.
  const kept = kind === 'action' && !('status' in update.draft) ? { status: (current as StoredPlanItem<'action'>).status } : {};
  const draft = { ...update.draft, ...kept, ref };
  const issues = validatePlanItem(kind, draft, { others: othersThan(plan, { kind, ref }), parent });
  if (issues.length > 0) return { status: 'refused', issues };
  const model = planItemToModel(kind, draft as PlanItemDraft<K>, parent);
  const wanted = fieldsOf(plan, kind, model, sortOrderOf(plan, kind, current.itemId));
  const stored = sourceItem(plan, kind, current.itemId);
  // From the version loaded, only what changed is sent; from another version, everything but its
  // identity and its place (reordering is its own write, and a stale place must not undo one).
  const { Key: _key, PlanLookupId: _plan, SortOrder: _place, ...writable } = wanted;
  const changed = stored && update.eTag === current.eTag ? changedFields(writable, stored.fields, LIST_OF[kind]) : writable;
  if (Object.keys(changed).length === 0) return { status: 'saved', saved: current };
  return patchItem(store, plan, kind, current.itemId, { ...changed, ...edited(store, actorUpn) }, update.eTag, draft);
}

/** Puts a goal's (or risk's, or the plan's) items of one kind in a new order, each with If-Match. */
export async function reorderPlanItems(store: FollowUpStore, plan: LoadedPlan, reorder: PlanItemReorder, actorUpn: string): Promise<PlanEditResult<StoredPlanItem[]>> {
  const { kind, parent, refs } = reorder;
  const blocked = planRefusal(plan, actorUpn);
  if (blocked) return blocked;
  const siblings = itemsOf(plan, kind).filter((t) => !t.archived && sameParent(parentOf(kind, t), parent));
  const wanted = new Set(refs);
  if (wanted.size !== refs.length || siblings.length !== refs.length || siblings.some((s) => !wanted.has(s.ref))) {
    const names = siblings.map((s) => s.ref).join(', ');
    return refused('refs', `Den nya ordningen ska ta med var och en av dem som ordnas exakt en gång: ${names || 'det finns inga'}`);
  }
  const places = siblings.map((s) => sortOrderOf(plan, kind, s.itemId)).sort((a, b) => a - b);
  // The places they already had, handed out anew; from the first place on, if two shared one.
  const distinct = places.every((p, i) => i === 0 || p > (places[i - 1] ?? 0));
  const placeOf = (i: number) => (distinct ? (places[i] ?? 0) : (places[0] ?? 0) + i);
  const byRef = new Map(siblings.map((s) => [s.ref, s]));
  const moves = refs.flatMap((ref, i) => {
    const item = byRef.get(ref);
    return item && sortOrderOf(plan, kind, item.itemId) !== placeOf(i) ? [{ item, sortOrder: placeOf(i) }] : [];
  });
  if (moves.length === 0) return { status: 'saved', saved: refs.map((ref) => byRef.get(ref)).filter((s): s is StoredPlanItem => s !== undefined) };
  const path = (itemId: string) => `${listPath(store.site, LIST_OF[kind])}/items/${itemId}`;
  const requests: BatchRequest[] = moves.map(({ item, sortOrder }) => ({
    method: 'PATCH',
    url: `${path(item.itemId)}/fields`,
    body: { SortOrder: sortOrder },
    headers: { 'If-Match': reorder.eTags?.[item.ref] ?? item.eTag },
  }));
  const client = graphClientOf(store);
  const responses = await client.batch(requests);
  failOnRefusal(responses);
  const conflicts = moves.filter((_m, i) => responses[i]?.status === 412);
  if (conflicts.length > 0) {
    // The moves that went through stay; the user sees the newer versions and orders again.
    const server = await Promise.all(conflicts.map(async ({ item }) => modelOf(plan, kind, toListItem(await client.get(`${path(item.itemId)}?$expand=fields`)))));
    return { status: 'conflict', server, mine: refs };
  }
  const written = new Map(moves.map((m, i) => [m.item.ref, fromFieldValueSet(m.item.itemId, responses[i])]));
  return {
    status: 'saved',
    saved: refs.flatMap((ref) => {
      const item = byRef.get(ref);
      const fresh = written.get(ref);
      return item ? [fresh ? modelOf(plan, kind, fresh) : item] : [];
    }),
  };
}

/**
 * Removes an item and what sits under it (a goal's styrtal, uppdrag and aktiviteter; a risk's
 * åtgärder). Asks first when anything of it was reported on, or other items go with it. Reported on:
 * all of it is archived, nothing deleted. Otherwise it is deleted. The item is checked against the
 * version the user started from, and the entries are read from the server, not the loaded plan.
 */
export async function removePlanItem(store: FollowUpStore, plan: LoadedPlan, removal: PlanItemRemoval, actorUpn: string): Promise<PlanRemoveResult> {
  const { kind, ref } = removal;
  const blocked = planRefusal(plan, actorUpn);
  if (blocked) return blocked;
  const root = findItem(plan, kind, ref);
  if (!root) return refused('ref', `${PLAN_ITEM_NOUN[kind].definite} ${ref} finns inte i planen ${plan.plan.title}`);
  if (root.archived) return refused('ref', `${PLAN_ITEM_NOUN[kind].definite} ${JSON.stringify(root.title)} är redan arkiverat`);
  const under = kind === 'goal' || kind === 'risk' ? childrenOf(plan, { kind, ref }) : [];
  const all = [{ kind, item: root as StoredPlanItem }, ...under];
  const client = graphClientOf(store);
  const { items, reported } = await readFresh(store, client, all);
  const fresh = items[0];
  if (!fresh) return refused('ref', `${PLAN_ITEM_NOUN[kind].definite} ${JSON.stringify(root.title)} har redan tagits bort av någon annan`);
  if (fresh.eTag !== removal.eTag) return { status: 'conflict', server: modelOf(plan, kind, fresh), mine: removal };
  const named = all.map(({ kind: k, item }) => ({ kind: k, ref: item.ref, title: item.title }));
  const periods = inPeriodOrder(reported);
  if (!removal.confirmed && (periods.length > 0 || under.length > 0)) return { status: 'needs-confirmation', message: removalQuestion(root.title, kind, under.length, periods), reportedPeriods: periods, items: named };
  const archive = periods.length > 0;
  // What sits under it first, then the item itself: a failure halfway never leaves an orphan.
  const targets = all.map((t, i) => ({ ...t, eTag: items[i]?.eTag })).filter((t, i) => i === 0 || (items[i] !== undefined && !t.item.archived));
  const write = (t: (typeof targets)[number]): BatchRequest => {
    const url = `${listPath(store.site, LIST_OF[t.kind])}/items/${t.item.itemId}`;
    const headers = { 'If-Match': t.eTag ?? '*' };
    return archive ? { method: 'PATCH', url: `${url}/fields`, body: { Archived: true }, headers } : { method: 'DELETE', url, headers };
  };
  const [first, ...rest] = targets;
  const responses = rest.length > 0 ? await client.batch(rest.map(write)) : [];
  failOnRefusal(responses, [412, 404]);
  const conflict = responses.findIndex((r) => r.status === 412);
  if (conflict >= 0) {
    const t = rest[conflict];
    if (t) return { status: 'conflict', server: modelOf(plan, t.kind, toListItem(await client.get(`${listPath(store.site, LIST_OF[t.kind])}/items/${t.item.itemId}?$expand=fields`))), mine: removal };
  }
  if (first) {
    const [answer] = await client.batch([write(first)]);
    if (answer?.status === 412) return { status: 'conflict', server: modelOf(plan, kind, toListItem(await client.get(`${listPath(store.site, LIST_OF[kind])}/items/${root.itemId}?$expand=fields`))), mine: removal };
    failOnRefusal(answer ? [answer] : []);
  }
  const done = targets.map((t) => ({ kind: t.kind, ref: t.item.ref, title: t.item.title }));
  return archive ? { status: 'removed', deleted: [], archived: done } : { status: 'removed', deleted: done, archived: [] };
}

function removalQuestion(title: string, kind: PlanItemKind, underCount: number, periods: readonly string[]): string {
  const what = `${PLAN_ITEM_NOUN[kind].definite} ${JSON.stringify(title)}`;
  const withIt = underCount > 0 ? ` och ${underCount === 1 ? 'det som ligger under (1 sak)' : `det som ligger under (${underCount} saker)`}` : '';
  if (periods.length === 0) return `Ta bort ${what}${withIt}? Det går inte att ångra.`;
  const labels = periods.map((key) => {
    const period = parsePeriodKey(key);
    return period ? periodLabel(period) : key;
  });
  return `Det finns rapporterat för ${what} (${labels.join(', ')}). ${capitalised(PLAN_ITEM_NOUN[kind].definite)}${withIt} arkiveras i stället för att tas bort, så att tidigare perioders rapporter fortfarande visar det. Bekräfta för att arkivera.`;
}

function inPeriodOrder(keys: readonly string[]): string[] {
  const parsed = [...new Set(keys)].map((key) => ({ key, period: parsePeriodKey(key) }));
  return parsed.sort((a, b) => (a.period && b.period ? comparePeriods(a.period, b.period) : a.key.localeCompare(b.key))).map((p) => p.key);
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The items as the server holds them now (undefined: gone), and the periods reported on for any of them: one $batch. */
async function readFresh(store: FollowUpStore, client: GraphClient, all: ReadonlyArray<{ kind: PlanItemKind; item: StoredPlanItem }>): Promise<{ items: Array<ListItem | undefined>; reported: string[] }> {
  const gets: BatchRequest[] = all.map(({ kind, item }) => ({ method: 'GET', url: `${listPath(store.site, LIST_OF[kind])}/items/${item.itemId}?$expand=fields` }));
  const subjects = all.filter(({ kind }) => SUBJECT_OF[kind] !== undefined);
  const [answers, entries] = await Promise.all([
    client.batch(gets),
    subjects.length === 0
      ? Promise.resolve([])
      : readItemsBatched(
          client,
          subjects.map(({ item }) => itemsQuery(store.site, 'FollowUps', { filter: `fields/SubjectId eq ${Number(item.itemId)}`, fields: ['SubjectKind', 'SubjectId', 'Period'] })),
        ),
  ]);
  failOnRefusal(answers, [404]);
  const items = answers.map((a) => (a.status === 404 ? undefined : toListItem(a.body as { id: string })));
  const reported = subjects.flatMap(({ kind }, i) => (entries[i] ?? []).filter((e) => e.fields.SubjectKind === SUBJECT_OF[kind]).map((e) => String(e.fields.Period ?? '')));
  return { items, reported };
}

async function patchItem<K extends PlanItemKind>(store: FollowUpStore, plan: LoadedPlan, kind: K, itemId: string, changed: WriteFields, eTag: string, mine: unknown): Promise<PlanEditResult<StoredPlanItem<K>>> {
  const client = graphClientOf(store);
  const path = `${listPath(store.site, LIST_OF[kind])}/items/${itemId}`;
  try {
    const written = await client.patch<Record<string, unknown>>(`${path}/fields`, changed, { ifMatch: eTag });
    return { status: 'saved', saved: modelOf(plan, kind, fromFieldValueSet(itemId, written)) };
  } catch (error) {
    if (!isConflict(error)) throw error;
    const server = toListItem(await client.get(`${path}?$expand=fields`));
    return { status: 'conflict', server: modelOf(plan, kind, server), mine, ...editedByOf(server) };
  }
}

/** A ref for a new item, never one this plan or last year's uses (a reused ref would take on last year's values). */
function newRef(plan: LoadedPlan, kind: PlanItemKind, parent: PlanItemParent | undefined): string {
  const prefix = {
    goal: 'g',
    indicator: parent ? `${parent.ref}-i` : 'i',
    assignment: 'a',
    risk: 'r',
    action: parent ? `${parent.ref}-${parent.kind === 'risk' ? 'a' : 'act'}` : 'act',
  }[kind];
  const taken = [...othersThan(plan).map((o) => o.ref), ...plan.previousYearEntries.map((e) => e.subjectRef)].map((r) => r.toLowerCase());
  const start = prefix.length + 3 > 64 ? kind.charAt(0) : prefix;
  const numbers = taken.filter((r) => r.startsWith(start.toLowerCase())).map((r) => Number(r.slice(start.length))).filter((n) => Number.isInteger(n) && n > 0);
  return `${start}${Math.max(0, ...numbers) + 1}`;
}

/** PATCH …/fields answers with the whole field set and its new eTag (in a $batch too). */
function fromFieldValueSet(itemId: string, written: { body: unknown; eTag?: string } | undefined): ListItem {
  const body = (written?.body ?? {}) as Record<string, unknown>;
  const eTag = written?.eTag ?? (typeof body['@odata.etag'] === 'string' ? body['@odata.etag'] : '');
  return { id: itemId, eTag, fields: body };
}

/** Any answer but success and the statuses the caller handles is a failure, not a result. */
function failOnRefusal(responses: readonly BatchResponse[], handled: readonly number[] = [412]): void {
  const failed = responses.find((r) => r.status >= 400 && !handled.includes(r.status));
  if (!failed) return;
  const message = (failed.body as { error?: { message?: string } } | undefined)?.error?.message;
  throw new Error(`SharePoint tog inte emot ändringen av planen (${failed.status})${message ? `: ${message}` : ''}.`);
}

/** A create refused because the unique key exists. */
function isUniqueClash(error: unknown): boolean {
  return isGraphRequestError(error) && (error.status === 409 || (error.status === 400 && /unique|duplicate|dubblett/i.test(error.message)));
}

