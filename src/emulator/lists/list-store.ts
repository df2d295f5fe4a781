/**
 * What the site/list/item handlers need from persistence, in domain terms. The SQLite
 * implementation is `sqlite-list-store.ts`; handlers never see SQL.
 *
 * Writes validate their input against the list's schema inside the same transaction as the write,
 * and throw GraphError (400 invalid value, 404, 409 duplicate, 412 eTag mismatch).
 */
import type { ColumnType, FilterNode, OrderByTerm } from '../odata';

/** What Graph shows in createdBy / lastModifiedBy (an app-only write's user has no id). */
export interface IdentitySet {
  readonly user?: { readonly id?: string; readonly email?: string; readonly displayName: string };
  readonly application?: { readonly id: string; readonly displayName: string };
}

/** Who writes: the identities to show, and the keys under which the site's user list knows them. */
export interface Actor {
  /** createdBy of what this actor creates. */
  readonly author: IdentitySet;
  /** lastModifiedBy of what this actor writes. */
  readonly editor: IdentitySet;
  /** Key of the person in the site's user information list (AuthorLookupId / EditorLookupId). */
  readonly userKey: string;
  /** Key of the application, when an app wrote (AppAuthorLookupId / AppEditorLookupId). */
  readonly appKey?: string;
}

/** A stored field value: strings (text, note, choice, dateTime as `YYYY-MM-DDTHH:MM:SSZ`), numbers (number, lookup IDs), booleans. */
export type FieldValue = string | number | boolean;
/** Stored values keyed by the name Graph uses in `fields` (`Title`, `Code`, `ParentLookupId`). */
export type StoredFields = Readonly<Record<string, FieldValue>>;

export interface SiteRecord {
  /** Composite `hostname,{siteCollectionGuid},{webGuid}`. */
  readonly id: string;
  readonly hostname: string;
  readonly siteCollectionId: string;
  readonly webId: string;
  /** Server-relative path: `/` for the root site, `/sites/malkoll`. */
  readonly path: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly created: string;
  readonly modified: string;
}

export interface ListRecord {
  /** Internal integer key (never shown to clients). */
  readonly key: number;
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly template: string;
  readonly created: string;
  readonly modified: string;
  readonly createdBy: IdentitySet;
  readonly modifiedBy: IdentitySet;
  /** Increments on every change to the list or its columns (list eTag). */
  readonly version: number;
}

export interface ColumnRecord {
  readonly id: string;
  /** Internal name: the key in `fields` (lookups: `{name}LookupId`). */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly type: ColumnType;
  readonly indexed: boolean;
  readonly enforceUniqueValues: boolean;
  readonly required: boolean;
  readonly hidden: boolean;
  /** The type facet's properties as Graph shows them (e.g. `{ choices: [...] }`). */
  readonly facet: Readonly<Record<string, unknown>>;
}

/** What creates or changes a column (after the request body has been checked). */
export type ColumnSpec = Omit<ColumnRecord, 'id'>;

export interface ItemRecord {
  readonly id: number;
  /** listItemUniqueId; the GUID half of the eTag. */
  readonly uniqueId: string;
  /** 1 on create, +1 on every write. */
  readonly version: number;
  readonly fields: StoredFields;
  readonly created: string;
  readonly modified: string;
  readonly createdBy: IdentitySet;
  readonly modifiedBy: IdentitySet;
  readonly authorLookupId: number;
  readonly editorLookupId: number;
  readonly appAuthorLookupId: number | undefined;
  readonly appEditorLookupId: number | undefined;
}

/** A version snapshot: the item as it was after that write (created/author never change). */
export type ItemVersionRecord = ItemRecord;

/** Where a page ended: the last row's order-by values and ID. Opaque to clients (skip token). */
export interface PageKey {
  readonly values: ReadonlyArray<string | number | null>;
  readonly id: number;
}

export interface ItemQuery {
  /** Already validated against the list (field names, types, the index rule). */
  readonly filter?: FilterNode | undefined;
  readonly orderBy: readonly OrderByTerm[];
  /** Continue after this row (from a skip token). */
  readonly after?: PageKey | undefined;
  readonly limit: number;
}

export interface ItemPage {
  readonly items: ItemRecord[];
  /** Present when more rows follow. */
  readonly next?: PageKey;
}

/** One item in a delta round: its latest change, and its current state unless deleted. */
export interface ItemChange {
  readonly itemId: number;
  readonly seq: number;
  readonly item: ItemRecord | undefined;
}

export interface ChangeWindow {
  /** Highest change sequence of the list so far. */
  readonly latest: number;
  /** Changes up to this sequence have been pruned; tokens older than it cannot be served. */
  readonly prunedThrough: number;
}

export interface NewSite {
  readonly hostname: string;
  readonly path: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
}

export interface NewList {
  readonly displayName: string;
  readonly name: string;
  readonly description: string;
  readonly template: string;
  readonly columns: readonly ColumnSpec[];
}

export interface ListStore {
  // sites
  ensureSite(site: NewSite, now: string): SiteRecord;
  findSiteByPath(hostname: string, path: string): SiteRecord | undefined;
  /** By composite ID, or by site-collection GUID alone (then the collection's root web). */
  findSiteById(siteCollectionId: string, webId?: string): SiteRecord | undefined;

  // lists
  listLists(siteId: string, afterKey: number | undefined, limit: number): { lists: ListRecord[]; more: boolean };
  /** By GUID or, failing that, display name (case-insensitive). */
  findList(siteId: string, ref: string): ListRecord | undefined;
  createList(site: SiteRecord, list: NewList, actor: Actor, now: string): ListRecord;

  // columns
  columns(list: ListRecord): readonly ColumnRecord[];
  createColumn(list: ListRecord, spec: ColumnSpec, now: string): ColumnRecord;
  /** `change` computes the new spec from the current one inside the write transaction. */
  updateColumn(list: ListRecord, columnId: string, change: (current: ColumnRecord) => ColumnSpec, now: string): ColumnRecord;

  // items
  queryItems(list: ListRecord, query: ItemQuery): ItemPage;
  /** How many items match `filter` (all items without one), counting no further than `cap`. */
  countItems(list: ListRecord, filter: FilterNode | undefined, cap: number): number;
  /** By integer ID or listItemUniqueId. */
  getItem(list: ListRecord, ref: string): ItemRecord | undefined;
  createItem(list: ListRecord, input: Readonly<Record<string, unknown>>, actor: Actor, now: string): ItemRecord;
  updateItemFields(
    list: ListRecord,
    ref: string,
    input: Readonly<Record<string, unknown>>,
    actor: Actor,
    now: string,
    ifMatch: string | undefined,
  ): ItemRecord;
  deleteItem(list: ListRecord, ref: string, now: string, ifMatch: string | undefined): void;
  /** Newest first; undefined when the item does not exist. */
  itemVersions(list: ListRecord, ref: string): ItemVersionRecord[] | undefined;

  // delta
  changeWindow(list: ListRecord): ChangeWindow;
  /** Items changed in (since, upTo], after `afterSeq`, oldest change first, at most `limit`. */
  changesSince(list: ListRecord, since: number, upTo: number, afterSeq: number, limit: number): { changes: ItemChange[]; more: boolean };
  /** Drops change-log entries older than `before` (ISO instant). */
  pruneChanges(before: string): void;
}
