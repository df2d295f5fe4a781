// Keeping the organisation tree: add an organisation under another, rename one, move one under
// another parent. Every write reads the Organisations list first, so the tree's rules are asked on
// the tree as it is now: a move that would put an organisation under itself is refused in Swedish
// (core/org-tree.ts), and only a controller of the organisation or of one above it may change it.
// Updates carry If-Match: a newer version is a conflict, never overwritten. The actor's UPN is an
// argument (the write API passes the caller's), never read from a token here.
import type { Organisation, OrganisationKind } from '../core';
import { isController } from '../core';
import { ancestors, moveRefusal, organisationTree } from '../core/org-tree';
import type { OrganisationTree } from '../core/org-tree';
import { isConflict, isGraphRequestError } from '../graph';
import type { ListItem, Stored, WriteFields } from '../lists/mapping';
import { organisationFields, organisationFromItem } from '../lists/mapping';
import { TEXT_MAX_LENGTH } from '../lists/schema';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import { readItems, toListItem } from './read-items';
import { itemsQuery, listPath } from './site';

export type OrganisationRefusalCode = 'not-controller' | 'unknown' | 'exists' | 'invalid' | 'cycle';

export interface OrganisationRefusal {
  readonly code: OrganisationRefusalCode;
  readonly message: string;
}

export type OrganisationWriteResult =
  | { readonly status: 'saved'; readonly saved: Stored<Organisation> }
  /** Someone else changed it since the version the user started from: nothing was written. */
  | { readonly status: 'conflict'; readonly server: Stored<Organisation> }
  | { readonly status: 'refused'; readonly refusal: OrganisationRefusal };

export interface OrganisationAdd {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string;
  readonly kind?: OrganisationKind | undefined;
  readonly managerUpn?: string | undefined;
}

export interface OrganisationRename {
  readonly code: string;
  readonly name: string;
  /** The version the user started from. */
  readonly eTag: string;
}

export interface OrganisationMove {
  readonly code: string;
  /** The organisation it goes under. */
  readonly parentCode: string;
  readonly eTag: string;
}

/** The same rule as the plan format's organisation codes: they become plan keys (`ORG:YEAR`). */
const CODE = /^[A-Za-zÅÄÖåäö0-9_-]{1,32}$/;

const refused = (code: OrganisationRefusalCode, message: string): OrganisationWriteResult => ({ status: 'refused', refusal: { code, message } });

interface Site {
  readonly items: readonly ListItem[];
  readonly organisations: ReadonlyArray<Stored<Organisation>>;
  readonly tree: OrganisationTree | undefined;
  find(code: string): Stored<Organisation> | undefined;
}

async function readSite(store: FollowUpStore): Promise<Site> {
  const items = await readItems(graphClientOf(store), itemsQuery(store.site, 'Organisations'));
  const codeOf = new Map(items.map((i) => [i.id, String(i.fields.Code ?? '')]));
  const organisations = items.map((i) => organisationFromItem(i, (id) => codeOf.get(id)));
  const built = organisationTree(organisations);
  return {
    items,
    organisations,
    tree: built.ok ? built.tree : undefined,
    find: (code) => organisations.find((o) => o.code.toLowerCase() === code.trim().toLowerCase()),
  };
}

/**
 * May `upn` change what lies at `code`? A controller of that organisation or of any above it may;
 * the message says whose controllers can, in Swedish.
 */
export function treeEditRefusal(upn: string, site: Pick<Site, 'tree' | 'find'>, code: string): OrganisationRefusal | undefined {
  const organisation = site.find(code);
  if (!organisation) return { code: 'unknown', message: `Organisationen ${code} finns inte.` };
  const chain = [organisation, ...(site.tree ? ancestors(site.tree, organisation.code) : [])];
  if (chain.some((o) => isController(upn, { controllers: o.controllerUpns ?? [] }))) return undefined;
  return { code: 'not-controller', message: `Bara controller för ${organisation.name} eller för en organisation ovanför den kan ändra organisationsträdet där.` };
}

function nameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Ange organisationens namn.';
  if (trimmed.length > TEXT_MAX_LENGTH) return `Namnet får vara högst ${TEXT_MAX_LENGTH} tecken.`;
  return undefined;
}

/** Adds an organisation under `parentCode`, as `actorUpn`. */
export async function addOrganisation(store: FollowUpStore, add: OrganisationAdd, actorUpn: string): Promise<OrganisationWriteResult> {
  const code = add.code.trim();
  if (!CODE.test(code)) return refused('invalid', `Koden ”${add.code}” går inte att använda: ange 1–32 bokstäver, siffror, - eller _, till exempel HSN eller HSN-F1.`);
  const badName = nameProblem(add.name);
  if (badName) return refused('invalid', badName);
  const site = await readSite(store);
  const parent = site.find(add.parentCode);
  if (!parent) return refused('unknown', `Den överordnade organisationen ${add.parentCode} finns inte.`);
  const existing = site.find(code);
  if (existing) return refused('exists', `Koden ${code} används redan av ${existing.name}.`);
  const notAllowed = treeEditRefusal(actorUpn, site, parent.code);
  if (notAllowed) return { status: 'refused', refusal: notAllowed };

  const organisation: Organisation = { code, name: add.name.trim(), parentCode: parent.code, ...(add.kind ? { kind: add.kind } : {}), ...(add.managerUpn ? { managerUpn: add.managerUpn.trim() } : {}) };
  const client = graphClientOf(store);
  try {
    const { body } = await client.post<{ id: string; eTag?: string; fields?: Record<string, unknown> }>(`${listPath(store.site, 'Organisations')}/items`, { fields: organisationFields(organisation, parent.itemId) });
    return { status: 'saved', saved: asOrganisation(toListItem(body), site) };
  } catch (error) {
    // Added by someone else a moment ago: the list's unique Code says so.
    if (isGraphRequestError(error) && (error.status === 409 || (error.status === 400 && /unique|duplicate|dubblett/i.test(error.message)))) return refused('exists', `Koden ${code} används redan.`);
    throw error;
  }
}

/** Gives the organisation a new name, as `actorUpn`. */
export async function renameOrganisation(store: FollowUpStore, rename: OrganisationRename, actorUpn: string): Promise<OrganisationWriteResult> {
  const badName = nameProblem(rename.name);
  if (badName) return refused('invalid', badName);
  const site = await readSite(store);
  const notAllowed = treeEditRefusal(actorUpn, site, rename.code);
  if (notAllowed) return { status: 'refused', refusal: notAllowed };
  return patch(store, site, rename.code, rename.eTag, { Title: rename.name.trim() });
}

/** Moves the organisation (and everything under it) under `parentCode`, as `actorUpn`. */
export async function moveOrganisation(store: FollowUpStore, move: OrganisationMove, actorUpn: string): Promise<OrganisationWriteResult> {
  const site = await readSite(store);
  const organisation = site.find(move.code);
  if (!organisation) return refused('unknown', `Organisationen ${move.code} finns inte.`);
  const parent = site.find(move.parentCode);
  if (!parent) return refused('unknown', `Den överordnade organisationen ${move.parentCode} finns inte.`);
  // The tree's own rule decides; the message says it in the words of this move.
  if (moveRefusal(site.organisations, organisation.code, parent.code) !== undefined) {
    const why = parent.itemId === organisation.itemId ? 'en organisation kan inte ligga under sig själv' : `${parent.name} ligger redan under ${organisation.name}, och en organisation kan inte ligga under sig själv`;
    return refused('cycle', `${organisation.name} kan inte flyttas under ${parent.name}: ${why}.`);
  }
  // Both where it is and where it goes: a controller of one part of the tree cannot take from another.
  const notAllowed = treeEditRefusal(actorUpn, site, organisation.code) ?? treeEditRefusal(actorUpn, site, parent.code);
  if (notAllowed) return { status: 'refused', refusal: notAllowed };
  return patch(store, site, organisation.code, move.eTag, { ParentLookupId: parent.itemId });
}

async function patch(store: FollowUpStore, site: Site, code: string, eTag: string, fields: WriteFields): Promise<OrganisationWriteResult> {
  const current = site.find(code);
  if (!current) return refused('unknown', `Organisationen ${code} finns inte.`);
  if (current.eTag !== eTag) return { status: 'conflict', server: current };
  const client = graphClientOf(store);
  const path = `${listPath(store.site, 'Organisations')}/items/${current.itemId}`;
  try {
    const written = await client.patch<Record<string, unknown>>(`${path}/fields`, fields, { ifMatch: eTag });
    const writtenETag = written.eTag ?? (typeof written.body['@odata.etag'] === 'string' ? written.body['@odata.etag'] : '');
    return { status: 'saved', saved: asOrganisation({ id: current.itemId, eTag: writtenETag, fields: written.body }, site) };
  } catch (error) {
    if (!isConflict(error)) throw error;
    return { status: 'conflict', server: asOrganisation(toListItem(await client.get(`${path}?$expand=fields`)), site) };
  }
}

function asOrganisation(item: ListItem, site: Site): Stored<Organisation> {
  const codeOf = new Map(site.items.map((i) => [i.id, String(i.fields.Code ?? '')]));
  return organisationFromItem(item, (id) => codeOf.get(id));
}
