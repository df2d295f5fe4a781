// Importing a plan exchange document: validated first (nothing written when invalid), then, under
// the plan's import lease (one import of a plan at a time), created or updated item by item on its
// unique keys, so a second import writes nothing and a failed one, run again, finishes the work.
import type { PlanDocument, ValidationIssue } from '../core';
import { documentToModel, validatePlanDocument } from '../core';
import type { BatchRequest, BatchResponse, GraphClient } from '../graph';
import { parseRetryAfter } from '../graph';
import type { ListItem, WriteFields } from '../lists/mapping';
import {
  refOfKey,
  actionFields,
  assignmentFields,
  followUpFields,
  goalFields,
  indicatorFields,
  organisationFields,
  periodFields,
  planFields,
  planPeriodFields,
  riskFields,
} from '../lists/mapping';
import type { ListName } from '../lists/schema';
import { followUpKey, listSpec, planItemKey, planKey, planPeriodKey } from '../lists/schema';
import { sameFieldValue } from '../lists/fields';
import { readItemsBatched } from './read-items';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { Lease, LeaseAttempt } from './lease';
import { busyText, keepLease, newRunId, releaseLease, waitForLease } from './lease';
import { itemsQuery, listPath, odataString } from './site';

/** An import renews its lease as it goes; one that dies leaves it to expire after this long. */
const IMPORT_LEASE_MS = 5 * 60_000;
/** How long an import waits for another import of the same plan before giving up. */
const IMPORT_WAIT_MS = 10 * 60_000;

export interface ImportOptions {
  /** How long to wait for another import of the same plan (default 10 minutes). */
  readonly waitMs?: number;
  /** Told when another import of the plan is running and this one waits for it. */
  readonly onWait?: (message: string) => void;
}

/** Another import of the same plan held its lease for as long as this one would wait. */
export class ImportBusyError extends Error {
  constructor(planKeyText: string, busy: Extract<LeaseAttempt, { status: 'busy' }>) {
    super(`En annan import av ${planKeyText} pågår fortfarande (${busyText(busy)}); inget har skrivits. Kör importen igen när den är klar.`);
    this.name = 'ImportBusyError';
  }
}

/** A list's things in Swedish (lists the import never writes may be absent). */
const THING: Readonly<Partial<Record<ListName, string>>> = {
  Organisations: 'organisationen',
  Plans: 'planen',
  Periods: 'perioden',
  PlanPeriods: 'planens period',
  Goals: 'målet',
  Indicators: 'styrtalet',
  Assignments: 'uppdraget',
  Risks: 'risken',
  Actions: 'åtgärden',
  FollowUps: 'uppföljningen',
  Leases: 'körningen',
};

/** Why SharePoint refused a write, in Swedish, with what to do; its own words follow in parentheses. */
function refusalText(status: number): string {
  if (status === 429 || status === 503 || status === 504) return 'SharePoint är överbelastat just nu; kör importen igen, den fortsätter där den slutade';
  if (status === 401 || status === 403) return 'behörighet att skriva i listan saknas';
  if (status === 404) return 'listan eller posten finns inte (kör "malkoll provision")';
  if (status === 409 || status === 412) return 'någon annan ändrade den samtidigt; kör importen igen';
  if (status === 400) return 'SharePoint tog inte emot värdena';
  return `SharePoint svarade ${status}`;
}

function itemName(write: Write): string {
  const ref = write.list === 'Organisations' || write.list === 'Periods' || write.list === 'Plans' || write.list === 'FollowUps' ? write.key : refOfKey(write.key);
  return `${THING[write.list] ?? 'posten'} ${ref}`;
}

export class InvalidPlanDocumentError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`Dokumentet är ogiltigt (${issues.length} fel); inget har skrivits.`);
    this.name = 'InvalidPlanDocumentError';
  }
}

export interface ImportReport {
  readonly planKey: string;
  readonly planItemId: string;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export type ImportProgress = (event: { phase: string; done: number; total: number }) => void;

interface Write {
  readonly list: ListName;
  readonly key: string;
  readonly itemId?: string;
  readonly fields: WriteFields;
}

/** Fields whose stored value differs from the wanted one, compared as the list's columns mean them (sameFieldValue). */
export function changedFields(wanted: WriteFields, stored: Readonly<Record<string, unknown>>, list: ListName): WriteFields {
  const kindOf = new Map(listSpec(list).columns.map((c) => [c.name, c.kind]));
  const changed: WriteFields = {};
  for (const [name, value] of Object.entries(wanted)) {
    if (!sameFieldValue(kindOf.get(name), value, stored[name])) changed[name] = value;
  }
  return changed;
}

export async function importPlan(store: FollowUpStore, input: unknown, onProgress: ImportProgress = () => undefined, options: ImportOptions = {}): Promise<ImportReport> {
  const validation = validatePlanDocument(input);
  if (!validation.ok) throw new InvalidPlanDocumentError(validation.issues);
  const doc: PlanDocument = validation.document;
  const key = planKey(doc.organisation.code, doc.year);
  const holder = newRunId();
  const attempt = await waitForLease(store, `import:${key}`, {
    holder,
    ttlMs: IMPORT_LEASE_MS,
    waitMs: options.waitMs ?? IMPORT_WAIT_MS,
    onWait: (busy) => options.onWait?.(`En annan import av ${key} pågår (${busyText(busy)}); väntar tills den är klar …`),
  });
  if (attempt.status === 'busy') throw new ImportBusyError(key, attempt);
  let lease: Lease = attempt.lease;
  const keep = async (): Promise<void> => {
    const kept = await keepLease(store, lease, { holder, ttlMs: IMPORT_LEASE_MS });
    if (!kept) throw new Error(`Importen av ${key} tog längre tid än dess lån och en annan import tog över; kör importen igen, den fortsätter där den slutade.`);
    lease = kept;
  };
  try {
    return await importUnderLease(store, doc, onProgress, keep);
  } finally {
    await releaseLease(store, lease).catch(() => undefined); // left to expire
  }
}

async function importUnderLease(store: FollowUpStore, doc: PlanDocument, onProgress: ImportProgress, keep: () => Promise<void>): Promise<ImportReport> {
  const { contents, entries } = documentToModel(doc);
  const client = graphClientOf(store);
  const { site } = store;
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const key = planKey(contents.organisation.code, contents.plan.year);
  const apply = async (c: GraphClient, s: FollowUpStore, writes: ReadonlyArray<Write & { stored?: ListItem }>, n: typeof counts): Promise<string[]> => {
    await keep();
    return applyWrites(c, s, writes, n);
  };

  const codes = [contents.organisation.code, ...(contents.organisation.parentCode ? [contents.organisation.parentCode] : [])];
  const [orgs = [], plans = [], periods = []] = await readItemsBatched(client, [
    itemsQuery(site, 'Organisations', { filter: codes.map((c) => `fields/Code eq ${odataString(c)}`).join(' or ') }),
    itemsQuery(site, 'Plans', { filter: `fields/Key eq ${odataString(key)}` }),
    itemsQuery(site, 'Periods'),
  ]);
  const byField = (items: readonly ListItem[], field: string) => new Map(items.map((i) => [keyOf(i.fields[field]), i]));

  const orgByCode = byField(orgs, 'Code');
  const parentId = contents.organisation.parentCode ? orgByCode.get(keyOf(contents.organisation.parentCode))?.id : undefined;
  const [orgId] = await apply(client, store, [upsert('Organisations', contents.organisation.code, organisationFields(contents.organisation, parentId), orgByCode)], counts);
  // The period keys are shared by every plan: a missing one is created bare, one that exists is
  // never written (another plan's deadline or lock may be on it). Deadlines go to the plan's own rows.
  const sharedPeriods = byField(periods, 'Key');
  await apply(client, store, contents.periods.filter((p) => !sharedPeriods.has(keyOf(p.key))).map((p) => upsert('Periods', p.key, sharedPeriodFields(p), sharedPeriods)), counts);
  const [planItemId] = await apply(client, store, [upsert('Plans', key, planFields(contents.plan, orgId ?? ''), byField(plans, 'Key'))], counts);
  if (!planItemId) throw new Error(`Planen ${key} kunde inte skapas.`);

  const existing = await store.planItems(planItemId);
  // This plan's deadlines, and nothing of its locks: an import never locks or unlocks a period.
  await apply(
    client,
    store,
    contents.periods.map((p) => upsert('PlanPeriods', planPeriodKey(planItemId, p.key), planPeriodFields({ periodKey: p.key, ...(p.deadline ? { deadline: p.deadline } : {}) }, planItemId), byField(existing.planPeriods, 'Key'))),
    counts,
  );
  onProgress({ phase: 'plan', done: 1, total: 4 });

  const existingByKey = new Map([...existing.goals, ...existing.indicators, ...existing.assignments, ...existing.risks, ...existing.actions, ...existing.followUps].map((i) => [keyOf(i.fields.Key), i]));
  const itemKey = (ref: string) => planItemKey(planItemId, ref);
  const order = (ref: string, all: ReadonlyArray<{ ref: string }>) => all.findIndex((x) => x.ref === ref) + 1;

  const goalIds = await apply(client, store, contents.goals.map((g) => upsert('Goals', itemKey(g.ref), goalFields(g, { planItemId, sortOrder: order(g.ref, contents.goals) }), existingByKey)), counts);
  const riskIds = await apply(client, store, contents.risks.map((r) => upsert('Risks', itemKey(r.ref), riskFields(r, { planItemId, sortOrder: order(r.ref, contents.risks) }), existingByKey)), counts);
  onProgress({ phase: 'goals', done: 2, total: 4 });
  const idOf = new Map<string, string>();
  contents.goals.forEach((g, i) => idOf.set(g.ref, goalIds[i] ?? ''));
  contents.risks.forEach((r, i) => idOf.set(r.ref, riskIds[i] ?? ''));

  const indicatorIds = await apply(
    client,
    store,
    contents.indicators.map((ind) => upsert('Indicators', itemKey(ind.ref), indicatorFields(ind, { planItemId, goalItemId: idOf.get(ind.goalRef) ?? '', sortOrder: order(ind.ref, contents.indicators) }), existingByKey)),
    counts,
  );
  const assignmentIds = await apply(
    client,
    store,
    contents.assignments.map((a) => upsert('Assignments', itemKey(a.ref), assignmentFields(a, { planItemId, goalItemId: a.goalRef ? idOf.get(a.goalRef) : undefined, sortOrder: order(a.ref, contents.assignments) }), existingByKey)),
    counts,
  );
  const actionIds = await apply(
    client,
    store,
    contents.actions.map((a) =>
      upsert(
        'Actions',
        itemKey(a.ref),
        actionFields(a, { planItemId, riskItemId: a.riskRef ? idOf.get(a.riskRef) : undefined, goalItemId: a.goalRef ? idOf.get(a.goalRef) : undefined, sortOrder: order(a.ref, contents.actions) }),
        existingByKey,
      ),
    ),
    counts,
  );
  onProgress({ phase: 'items', done: 3, total: 4 });
  contents.indicators.forEach((x, i) => idOf.set(x.ref, indicatorIds[i] ?? ''));
  contents.assignments.forEach((x, i) => idOf.set(x.ref, assignmentIds[i] ?? ''));
  contents.actions.forEach((x, i) => idOf.set(x.ref, actionIds[i] ?? ''));

  await apply(
    client,
    store,
    entries.map((e) => {
      const subjectItemId = idOf.get(e.subjectRef) ?? '';
      return upsert('FollowUps', followUpKey(e.subjectKind, subjectItemId, e.periodKey), followUpFields(e, { planItemId, subjectItemId }), existingByKey);
    }),
    counts,
  );
  onProgress({ phase: 'entries', done: 4, total: 4 });
  return { planKey: key, planItemId, ...counts };
}

/** A shared period as an import creates it: its key and kind, never a deadline or a lock. */
function sharedPeriodFields(period: Parameters<typeof periodFields>[0]): WriteFields {
  const { Deadline: _deadline, Locked: _locked, ...bare } = periodFields(period);
  return bare;
}

/**
 * SharePoint compares text without regard to case, so keys match that way: `rs` finds the stored
 * `RS` (a create would clash with it). The stored spelling of the key is kept.
 */
function keyOf(value: unknown): string {
  return String(value ?? '').normalize('NFC').toLowerCase();
}

/** The column holding each list's unique key. */
function keyField(list: ListName): 'Code' | 'Key' {
  return list === 'Organisations' ? 'Code' : 'Key';
}

function upsert(list: ListName, key: string, fields: WriteFields, existing: ReadonlyMap<string, ListItem>): Write & { stored?: ListItem } {
  const stored = existing.get(keyOf(key));
  if (!stored) return { list, key, fields };
  const storedKey = stored.fields[keyField(list)];
  const kept = typeof storedKey === 'string' ? { ...fields, [keyField(list)]: storedKey, ...(list === 'FollowUps' ? { Title: storedKey } : {}) } : fields;
  return { list, key, itemId: stored.id, fields: kept, stored };
}

/**
 * Sends the creates and changed fields of a group of independent writes in $batch chunks, and
 * returns each write's item id in order. Unchanged items are not written at all.
 */
async function applyWrites(client: GraphClient, store: FollowUpStore, writes: ReadonlyArray<Write & { stored?: ListItem }>, counts: { created: number; updated: number; unchanged: number }): Promise<string[]> {
  const ids: Array<string | undefined> = writes.map((w) => w.itemId);
  const requests: BatchRequest[] = [];
  const requestFor: number[] = [];
  writes.forEach((w, i) => {
    const items = `${listPath(store.site, w.list)}/items`;
    if (!w.stored) {
      requests.push({ method: 'POST', url: items, body: { fields: w.fields } });
      requestFor.push(i);
      counts.created += 1;
      return;
    }
    const changed = changedFields(w.fields, w.stored.fields, w.list);
    if (Object.keys(changed).length === 0) {
      counts.unchanged += 1;
      return;
    }
    requests.push({ method: 'PATCH', url: `${items}/${w.stored.id}/fields`, body: changed });
    requestFor.push(i);
    counts.updated += 1;
  });
  if (requests.length === 0) return ids.map((id) => id ?? '');
  const responses = await batchThroughThrottling(client, requests);
  const clashes: number[] = [];
  responses.forEach((response, r) => {
    const index = requestFor[r] ?? -1;
    const write = writes[index];
    if (response.status === 409 && write && !write.stored) {
      clashes.push(index);
      return;
    }
    if (response.status >= 400) {
      const message = (response.body as { error?: { message?: string } } | undefined)?.error?.message;
      const what = write ? itemName(write) : 'en post';
      throw new Error(`Kunde inte skriva ${what}: ${refusalText(response.status)}.${message ? ` (SharePoint: ${message})` : ''}`);
    }
    if (!write?.itemId) ids[index] = String((response.body as { id?: string }).id ?? '');
  });
  if (clashes.length > 0) await adoptClashes(client, store, clashes.map((index) => ({ index, write: writes[index] as Write })), ids);
  return ids.map((id) => id ?? '');
}

/** Rounds of a batch's still-throttled steps after the client's own retries gave up on them. */
const THROTTLED_ROUNDS = 4;

/**
 * A $batch whose steps still answer 429 or 503 after the client's retries are sent again, those
 * steps only, after their Retry-After: a throttled step did nothing, so sending it again (a create
 * too) is safe, and an import under throttling finishes instead of stopping halfway.
 */
async function batchThroughThrottling(client: GraphClient, requests: readonly BatchRequest[]): Promise<BatchResponse[]> {
  const responses = await client.batch(requests);
  for (let round = 1; round <= THROTTLED_ROUNDS; round += 1) {
    const throttled = responses.flatMap((r, i) => (r.status === 429 || r.status === 503 ? [i] : []));
    if (throttled.length === 0) break;
    const waits = throttled.map((i) => parseRetryAfter(headerOf(responses[i]?.headers, 'retry-after'), undefined, Date.now()) ?? 1000 * round);
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(...waits), 60_000)));
    const again = await client.batch(throttled.map((i) => requests[i] as BatchRequest));
    again.forEach((response, n) => (responses[throttled[n] ?? -1] = response));
  }
  return responses;
}

function headerOf(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
}

/**
 * Creates refused because the unique key exists: after a batch retried on a 504 once SharePoint had
 * written it, or beside another import of the same plan. An item holding what we wrote is ours; one
 * holding anything else is someone else's, and the import stops rather than overwrite it.
 */
async function adoptClashes(client: GraphClient, store: FollowUpStore, clashes: ReadonlyArray<{ index: number; write: Write }>, ids: Array<string | undefined>): Promise<void> {
  const found = await readItemsBatched(
    client,
    clashes.map(({ write }) => itemsQuery(store.site, write.list, { filter: `fields/${keyField(write.list)} eq ${odataString(write.key)}` })),
  );
  clashes.forEach(({ index, write }, n) => {
    const [item] = found[n] ?? [];
    if (!item || Object.keys(changedFields(write.fields, item.fields, write.list)).length > 0) {
      throw new Error(`Kunde inte skriva ${itemName(write)}: någon annan har just skapat den med andra värden. Läs in planen igen och försök på nytt.`);
    }
    ids[index] = item.id;
  });
}
