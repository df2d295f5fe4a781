/**
 * ListStore on better-sqlite3. Every write is one IMMEDIATE transaction: it takes the write lock
 * first, then reads the list's schema, checks existence, If-Match and unique values, and writes the
 * item, its version snapshot and the change-log entry, so concurrent writers (other connections to
 * the same file included) cannot slip a duplicate between the check and the write. A UNIQUE
 * expression index per unique column is the backstop.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { filterToSql, orderByToSql } from '../odata';
import type { FilterNode } from '../odata';
import { isReservedName } from './built-in-columns';
import { fieldKeyOf, titleColumn } from './column-definitions';
import { ifMatchSatisfied } from './etag';
import { checkFieldWrite } from './field-validation';
import { duplicateColumn, duplicateList, duplicateValue, invalidRequest, itemNotFound, preconditionFailed } from './graph-errors';
import { itemColumnSql, keysetCondition, queryColumns } from './item-sql';
import type {
  Actor,
  ChangeWindow,
  ColumnRecord,
  ColumnSpec,
  FieldValue,
  ItemChange,
  ItemPage,
  ItemQuery,
  ItemRecord,
  ItemVersionRecord,
  ListRecord,
  ListStore,
  NewList,
  NewSite,
  SiteRecord,
} from './list-store';
import { fieldExpr, foldExpr, migrate, registerFunctions, syncColumnIndexes } from './schema';
import { DEFAULT_SITE_TIME_ZONE, checkTimeZone } from './site-time-zone';
import { columnFromRow, itemFromRow, listFromRow, siteFromRow, versionFromRow } from './sqlite-rows';
import type { ColumnRow, ItemRow, ListRow, SiteRow, VersionRow } from './sqlite-rows';

const ITEM_COLUMNS =
  'id, unique_id, version, fields, created, modified, created_by, modified_by, author_lookup, editor_lookup, app_author_lookup, app_editor_lookup';
/** SharePoint's user list starts with system accounts; real people get the next numbers. */
const FIRST_USER_LOOKUP_ID = 7;
/** Dynamic statements (per filter shape) are cached up to this many, then the cache starts over. */
const STATEMENT_CACHE_LIMIT = 500;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function isUniqueViolation(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A list key inlined into SQL text (partial indexes need the literal; see schema.ts). */
function keyLiteral(list: ListRecord): string {
  if (!Number.isSafeInteger(list.key) || list.key < 1) throw new Error(`bad list key ${String(list.key)}`);
  return String(list.key);
}

export class SqliteListStore implements ListStore {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly schemas = new Map<number, { version: number; columns: ColumnRecord[] }>();

  constructor(
    private readonly db: Database.Database,
    /** The site's regional time zone: date-only values are kept as midnight there. */
    readonly siteTimeZone: string = DEFAULT_SITE_TIME_ZONE,
  ) {
    checkTimeZone(siteTimeZone);
    registerFunctions(db);
    migrate(db);
    this.syncAllIndexes();
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private inWriteTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  // ── sites ────────────────────────────────────────────────────────────────────────────────────

  ensureSite(site: NewSite, now: string): SiteRecord {
    return this.inWriteTransaction(() => {
      const existing = this.findSiteByPath(site.hostname, site.path);
      if (existing) return existing;
      const siteCollectionId = randomUUID();
      const webId = randomUUID();
      const id = `${site.hostname},${siteCollectionId},${webId}`;
      this.stmt(
        `INSERT INTO ls_sites (id, hostname, site_collection_id, web_id, path, name, display_name, description, created, modified)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, site.hostname, siteCollectionId, webId, site.path, site.name, site.displayName, site.description, now, now);
      const created = this.findSiteByPath(site.hostname, site.path);
      if (!created) throw new Error('site insert did not persist');
      return created;
    });
  }

  findSiteByPath(hostname: string, path: string): SiteRecord | undefined {
    const row = this.stmt('SELECT * FROM ls_sites WHERE hostname = ? AND path = ?').get(hostname, path) as SiteRow | undefined;
    return row && siteFromRow(row);
  }

  findSiteById(siteCollectionId: string, webId?: string): SiteRecord | undefined {
    const row = (
      webId === undefined
        ? this.stmt('SELECT * FROM ls_sites WHERE site_collection_id = ? ORDER BY length(path) LIMIT 1').get(siteCollectionId)
        : this.stmt('SELECT * FROM ls_sites WHERE site_collection_id = ? AND web_id = ?').get(siteCollectionId, webId)
    ) as SiteRow | undefined;
    return row && siteFromRow(row);
  }

  // ── lists ────────────────────────────────────────────────────────────────────────────────────

  listLists(siteId: string, afterKey: number | undefined, limit: number): { lists: ListRecord[]; more: boolean } {
    const rows = this.stmt('SELECT * FROM ls_lists WHERE site_id = ? AND key > ? ORDER BY key LIMIT ?').all(
      siteId,
      afterKey ?? 0,
      limit + 1,
    ) as ListRow[];
    return { lists: rows.slice(0, limit).map(listFromRow), more: rows.length > limit };
  }

  findList(siteId: string, ref: string): ListRecord | undefined {
    const row = (
      GUID.test(ref) ? this.stmt('SELECT * FROM ls_lists WHERE site_id = ? AND id = ?').get(siteId, ref) : undefined
    ) as ListRow | undefined;
    const byTitle =
      row ?? (this.stmt('SELECT * FROM ls_lists WHERE site_id = ? AND display_name = ? COLLATE NOCASE').get(siteId, ref) as ListRow | undefined);
    return byTitle && listFromRow(byTitle);
  }

  private listByKey(key: number): ListRecord {
    const row = this.stmt('SELECT * FROM ls_lists WHERE key = ?').get(key) as ListRow | undefined;
    if (!row) throw new Error(`list ${key} vanished`);
    return listFromRow(row);
  }

  createList(site: SiteRecord, list: NewList, actor: Actor, now: string): ListRecord {
    return this.inWriteTransaction(() => {
      if (this.stmt('SELECT 1 FROM ls_lists WHERE site_id = ? AND display_name = ? COLLATE NOCASE').get(site.id, list.displayName)) {
        throw duplicateList();
      }
      const id = randomUUID();
      const result = this.stmt(
        `INSERT INTO ls_lists (id, site_id, name, display_name, description, template, created, modified, created_by, modified_by, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      ).run(
        id,
        site.id,
        list.name,
        list.displayName,
        list.description,
        list.template,
        now,
        now,
        JSON.stringify(actor.author),
        JSON.stringify(actor.editor),
      );
      const key = Number(result.lastInsertRowid);
      // The template's Title comes first; a Title entry of the request replaces it (same ID).
      const title = titleColumn();
      const specs = [list.columns.find((c) => c.name === 'Title') ?? title, ...list.columns.filter((c) => c.name !== 'Title')];
      const columns: ColumnRecord[] = [];
      for (const [position, spec] of specs.entries()) {
        const column = { ...spec, id: position === 0 ? title.id : randomUUID() };
        this.checkNewColumnName(columns, column);
        this.writeColumn(key, column, position);
        columns.push(column);
      }
      return this.listByKey(key);
    });
  }

  // ── columns ──────────────────────────────────────────────────────────────────────────────────

  /** The list's columns, cached per list version (every column change bumps it). */
  private schema(listKey: number): ColumnRecord[] {
    const row = this.stmt('SELECT version FROM ls_lists WHERE key = ?').get(listKey) as { version: number } | undefined;
    if (!row) throw new Error(`list ${listKey} vanished`);
    const cached = this.schemas.get(listKey);
    if (cached && cached.version === row.version) return cached.columns;
    const rows = this.stmt('SELECT id, spec FROM ls_columns WHERE list_key = ? ORDER BY position').all(listKey) as ColumnRow[];
    const columns = rows.map(columnFromRow);
    this.schemas.set(listKey, { version: row.version, columns });
    return columns;
  }

  columns(list: ListRecord): readonly ColumnRecord[] {
    return this.schema(list.key);
  }

  /** A new column's name (and its `fields` key) must not clash with a built-in or another column. */
  private checkNewColumnName(existing: readonly ColumnRecord[], spec: ColumnSpec): void {
    const key = fieldKeyOf(spec).toLowerCase();
    const name = spec.name.toLowerCase();
    const clash = existing.some((c) => {
      const names = [c.name.toLowerCase(), fieldKeyOf(c).toLowerCase()];
      return names.includes(name) || names.includes(key);
    });
    if (clash || isReservedName(spec.name) || isReservedName(fieldKeyOf(spec))) throw duplicateColumn(spec.name);
  }

  private writeColumn(listKey: number, column: ColumnRecord, position: number): void {
    const { id, ...spec } = column;
    this.stmt('INSERT OR REPLACE INTO ls_columns (list_key, id, position, name, spec) VALUES (?, ?, ?, ?, ?)').run(
      listKey,
      id,
      position,
      column.name,
      JSON.stringify(spec),
    );
    syncColumnIndexes(this.db, listKey, indexSpec(column));
  }

  /** Files made before an index kind existed get it here, once per start (existing ones are kept). */
  private syncAllIndexes(): void {
    const rows = this.db.prepare('SELECT list_key, id, spec FROM ls_columns').all() as Array<ColumnRow & { list_key: number }>;
    for (const row of rows) syncColumnIndexes(this.db, row.list_key, indexSpec(columnFromRow(row)));
  }

  private touchList(listKey: number, now: string): void {
    this.stmt('UPDATE ls_lists SET version = version + 1, modified = ? WHERE key = ?').run(now, listKey);
  }

  createColumn(list: ListRecord, spec: ColumnSpec, now: string): ColumnRecord {
    return this.inWriteTransaction(() => {
      const existing = this.schema(list.key);
      this.checkNewColumnName(existing, spec);
      const column = { ...spec, id: randomUUID() };
      this.writeColumn(list.key, column, existing.length);
      this.touchList(list.key, now);
      return column;
    });
  }

  updateColumn(list: ListRecord, columnId: string, change: (current: ColumnRecord) => ColumnSpec, now: string): ColumnRecord {
    return this.inWriteTransaction(() => {
      const columns = this.schema(list.key);
      const position = columns.findIndex((c) => c.id.toLowerCase() === columnId.toLowerCase());
      const current = columns[position];
      if (!current) throw new Error(`column ${columnId} vanished`);
      const spec = change(current);
      const column: ColumnRecord = { ...spec, id: current.id };
      if (column.enforceUniqueValues && !current.enforceUniqueValues) this.assertNoDuplicates(list, column);
      this.writeColumn(list.key, column, position);
      this.touchList(list.key, now);
      return column;
    });
  }

  private assertNoDuplicates(list: ListRecord, column: ColumnRecord): void {
    const key = fieldKeyOf(column);
    const duplicate = this.stmt(
      `SELECT 1 FROM ls_items WHERE list_key = ${keyLiteral(list)} AND ${fieldExpr(key)} IS NOT NULL
       GROUP BY ${foldExpr(key)} HAVING COUNT(*) > 1 LIMIT 1`,
    ).get();
    if (duplicate) throw invalidRequest('This field contains duplicate values. Remove all duplicate values and try the operations again.');
  }

  // ── items: reads ─────────────────────────────────────────────────────────────────────────────

  queryItems(list: ListRecord, query: ItemQuery): ItemPage {
    const columns = this.schema(list.key);
    const columnSql = itemColumnSql(columns);
    const where = [`list_key = ${keyLiteral(list)}`];
    const params: Array<string | number | null> = [];
    if (query.filter) {
      const filter = filterToSql(query.filter, columnSql, queryColumns(columns));
      where.push(`(${filter.sql})`);
      params.push(...filter.params);
    }
    if (query.after) {
      const keyset = keysetCondition(query.orderBy, columnSql, query.after);
      where.push(keyset.sql);
      params.push(...keyset.params);
    }
    const keys = query.orderBy.map((term, i) => `, ${columnSql(term.field)} AS k${i}`).join('');
    const order = [orderByToSql(query.orderBy, columnSql), 'id ASC'].filter((s) => s !== '').join(', ');
    const sql = `SELECT ${ITEM_COLUMNS}${keys} FROM ls_items WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`;
    const rows = this.stmt(sql).all(...params, query.limit + 1) as Array<ItemRow & Record<string, unknown>>;
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    if (rows.length <= query.limit || !last) return { items: page.map(itemFromRow) };
    const values = query.orderBy.map((_, i) => {
      const value = last[`k${i}`];
      return typeof value === 'string' || typeof value === 'number' ? value : null;
    });
    return { items: page.map(itemFromRow), next: { values, id: last.id } };
  }

  countItems(list: ListRecord, filter: FilterNode | undefined, cap: number): number {
    const columns = this.schema(list.key);
    const where = filter ? filterToSql(filter, itemColumnSql(columns), queryColumns(columns)) : { sql: '1', params: [] };
    const row = this.stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ls_items WHERE list_key = ${keyLiteral(list)} AND (${where.sql}) LIMIT ?)`).get(
      ...where.params,
      cap,
    ) as { n: number };
    return row.n;
  }

  private itemRow(list: ListRecord, ref: string): ItemRow | undefined {
    if (/^\d{1,15}$/.test(ref)) {
      return this.stmt(`SELECT ${ITEM_COLUMNS} FROM ls_items WHERE list_key = ? AND id = ?`).get(list.key, Number(ref)) as ItemRow | undefined;
    }
    if (GUID.test(ref)) {
      return this.stmt(`SELECT ${ITEM_COLUMNS} FROM ls_items WHERE unique_id = ? AND list_key = ?`).get(ref.toLowerCase(), list.key) as
        | ItemRow
        | undefined;
    }
    return undefined;
  }

  getItem(list: ListRecord, ref: string): ItemRecord | undefined {
    const row = this.itemRow(list, ref);
    return row && itemFromRow(row);
  }

  itemVersions(list: ListRecord, ref: string): ItemVersionRecord[] | undefined {
    const item = this.getItem(list, ref);
    if (!item) return undefined;
    const rows = this.stmt(
      'SELECT version, fields, modified, modified_by, editor_lookup, app_editor_lookup FROM ls_item_versions WHERE list_key = ? AND item_id = ? ORDER BY version DESC',
    ).all(list.key, item.id) as VersionRow[];
    return rows.map((row) => versionFromRow(item, row));
  }

  // ── items: writes ────────────────────────────────────────────────────────────────────────────

  /** The person's number in the site's user list, assigned on first write. */
  private lookupIdFor(siteId: string, userKey: string): number {
    const found = this.stmt('SELECT lookup_id FROM ls_site_users WHERE site_id = ? AND user_key = ?').get(siteId, userKey) as
      | { lookup_id: number }
      | undefined;
    if (found) return found.lookup_id;
    const next = this.stmt('SELECT COALESCE(MAX(lookup_id) + 1, ?) AS id FROM ls_site_users WHERE site_id = ?').get(FIRST_USER_LOOKUP_ID, siteId) as {
      id: number;
    };
    this.stmt('INSERT INTO ls_site_users (site_id, user_key, lookup_id) VALUES (?, ?, ?)').run(siteId, userKey, next.id);
    return next.id;
  }

  /** Refuses a value another item of the list already has in a unique column (case-insensitive). */
  private assertUnique(list: ListRecord, columns: readonly ColumnRecord[], values: Readonly<Record<string, FieldValue>>, selfId: number): void {
    for (const column of columns) {
      if (!column.enforceUniqueValues) continue;
      const key = fieldKeyOf(column);
      const value = values[key];
      if (value === undefined) continue;
      const hit = this.stmt(
        `SELECT id FROM ls_items WHERE list_key = ${keyLiteral(list)} AND ${foldExpr(key)} = malkoll_fold(?) AND id <> ? LIMIT 1`,
      ).get(typeof value === 'boolean' ? Number(value) : value, selfId);
      if (hit) throw duplicateValue(column.name);
    }
  }

  /** Maps the UNIQUE-index backstop firing to the same 409 the check gives. */
  private uniqueBackstop<T>(list: ListRecord, columns: readonly ColumnRecord[], write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const column = columns.find((c) => error.message.includes(c.id.replace(/-/g, '')));
      throw duplicateValue(column?.name ?? 'unknown');
    }
  }

  private recordWrite(list: ListRecord, item: ItemRecord, now: string): void {
    this.stmt(
      `INSERT INTO ls_item_versions (list_key, item_id, version, fields, modified, modified_by, editor_lookup, app_editor_lookup)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      list.key,
      item.id,
      item.version,
      JSON.stringify(item.fields),
      item.modified,
      JSON.stringify(item.modifiedBy),
      item.editorLookupId,
      item.appEditorLookupId ?? null,
    );
    this.stmt("INSERT INTO ls_changes (list_key, item_id, kind, at) VALUES (?, ?, 'upsert', ?)").run(list.key, item.id, now);
  }

  createItem(list: ListRecord, input: Readonly<Record<string, unknown>>, actor: Actor, now: string): ItemRecord {
    return this.inWriteTransaction(() => {
      const columns = this.schema(list.key);
      const patch = checkFieldWrite(columns, input, this.siteTimeZone);
      this.assertUnique(list, columns, patch.set, 0);
      const counter = this.stmt('SELECT next_item_id FROM ls_lists WHERE key = ?').get(list.key) as { next_item_id: number };
      const author = this.lookupIdFor(list.siteId, actor.userKey);
      const app = actor.appKey === undefined ? undefined : this.lookupIdFor(list.siteId, actor.appKey);
      const item: ItemRecord = {
        id: counter.next_item_id,
        uniqueId: randomUUID(),
        version: 1,
        fields: patch.set,
        created: now,
        modified: now,
        createdBy: actor.author,
        modifiedBy: actor.editor,
        authorLookupId: author,
        editorLookupId: author,
        appAuthorLookupId: app,
        appEditorLookupId: app,
      };
      this.uniqueBackstop(list, columns, () =>
        this.stmt(`INSERT INTO ls_items (list_key, ${ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
          list.key,
          item.id,
          item.uniqueId,
          item.version,
          JSON.stringify(item.fields),
          now,
          now,
          JSON.stringify(item.createdBy),
          JSON.stringify(item.modifiedBy),
          author,
          author,
          app ?? null,
          app ?? null,
        ),
      );
      this.stmt('UPDATE ls_lists SET next_item_id = ? WHERE key = ?').run(item.id + 1, list.key);
      this.recordWrite(list, item, now);
      return item;
    });
  }

  updateItemFields(
    list: ListRecord,
    ref: string,
    input: Readonly<Record<string, unknown>>,
    actor: Actor,
    now: string,
    ifMatch: string | undefined,
  ): ItemRecord {
    return this.inWriteTransaction(() => {
      const current = this.getItem(list, ref);
      if (!current) throw itemNotFound();
      if (!ifMatchSatisfied(ifMatch, current.uniqueId, current.version)) throw preconditionFailed();
      const columns = this.schema(list.key);
      const patch = checkFieldWrite(columns, input, this.siteTimeZone);
      this.assertUnique(list, columns, patch.set, current.id);
      const fields: Record<string, FieldValue> = { ...current.fields, ...patch.set };
      for (const key of patch.clear) delete fields[key];
      const editor = this.lookupIdFor(list.siteId, actor.userKey);
      const app = actor.appKey === undefined ? undefined : this.lookupIdFor(list.siteId, actor.appKey);
      const item: ItemRecord = {
        ...current,
        version: current.version + 1,
        fields,
        modified: now,
        modifiedBy: actor.editor,
        editorLookupId: editor,
        appEditorLookupId: app,
      };
      this.uniqueBackstop(list, columns, () =>
        this.stmt(
          `UPDATE ls_items SET version = ?, fields = ?, modified = ?, modified_by = ?, editor_lookup = ?, app_editor_lookup = ?
           WHERE list_key = ? AND id = ?`,
        ).run(item.version, JSON.stringify(fields), now, JSON.stringify(item.modifiedBy), editor, app ?? null, list.key, item.id),
      );
      this.recordWrite(list, item, now);
      return item;
    });
  }

  deleteItem(list: ListRecord, ref: string, now: string, ifMatch: string | undefined): void {
    this.inWriteTransaction(() => {
      const current = this.getItem(list, ref);
      if (!current) throw itemNotFound();
      if (!ifMatchSatisfied(ifMatch, current.uniqueId, current.version)) throw preconditionFailed();
      this.stmt('DELETE FROM ls_items WHERE list_key = ? AND id = ?').run(list.key, current.id);
      this.stmt('DELETE FROM ls_item_versions WHERE list_key = ? AND item_id = ?').run(list.key, current.id);
      this.stmt("INSERT INTO ls_changes (list_key, item_id, kind, at) VALUES (?, ?, 'delete', ?)").run(list.key, current.id, now);
    });
  }

  // ── delta ────────────────────────────────────────────────────────────────────────────────────

  changeWindow(list: ListRecord): ChangeWindow {
    const row = this.stmt(
      'SELECT (SELECT MAX(seq) FROM ls_changes WHERE list_key = l.key) AS latest, pruned_seq FROM ls_lists l WHERE key = ?',
    ).get(list.key) as { latest: number | null; pruned_seq: number } | undefined;
    if (!row) throw new Error(`list ${list.key} vanished`);
    return { latest: Math.max(row.latest ?? 0, row.pruned_seq), prunedThrough: row.pruned_seq };
  }

  changesSince(list: ListRecord, since: number, upTo: number, afterSeq: number, limit: number): { changes: ItemChange[]; more: boolean } {
    const rows = this.stmt(
      `SELECT item_id, MAX(seq) AS seq FROM ls_changes WHERE list_key = ? AND seq > ? AND seq <= ?
       GROUP BY item_id HAVING MAX(seq) > ? ORDER BY seq LIMIT ?`,
    ).all(list.key, since, upTo, afterSeq, limit + 1) as Array<{ item_id: number; seq: number }>;
    const changes = rows.slice(0, limit).map((row) => ({ itemId: row.item_id, seq: row.seq, item: this.getItem(list, String(row.item_id)) }));
    return { changes, more: rows.length > limit };
  }

  pruneChanges(before: string): void {
    // The oldest entry decides whether there is anything to do; this keeps a delta read from
    // taking the write lock or scanning the log when nothing has expired (the usual case).
    const oldest = this.stmt('SELECT at FROM ls_changes ORDER BY seq LIMIT 1').get() as { at: string } | undefined;
    if (!oldest || oldest.at >= before) return;
    this.inWriteTransaction(() => {
      this.stmt(
        `UPDATE ls_lists SET pruned_seq = MAX(pruned_seq, (SELECT MAX(seq) FROM ls_changes c WHERE c.list_key = ls_lists.key AND c.at < ?))
         WHERE key IN (SELECT list_key FROM ls_changes WHERE at < ?)`,
      ).run(before, before);
      this.stmt('DELETE FROM ls_changes WHERE at < ?').run(before);
    });
  }
}

function indexSpec(column: ColumnRecord): Parameters<typeof syncColumnIndexes>[2] {
  const text = column.type === 'text' || column.type === 'note' || column.type === 'choice';
  return { id: column.id, fieldKey: fieldKeyOf(column), indexed: column.indexed, unique: column.enforceUniqueValues, text };
}

const stores = new WeakMap<Database.Database, SqliteListStore>();

/** One store per connection, so its schema cache and statements are shared by every caller. */
export function listStoreFor(db: Database.Database, siteTimeZone: string = DEFAULT_SITE_TIME_ZONE): SqliteListStore {
  let store = stores.get(db);
  if (!store) {
    store = new SqliteListStore(db, siteTimeZone);
    stores.set(db, store);
  }
  if (store.siteTimeZone !== siteTimeZone) throw new Error(`This database is open with the site time zone ${store.siteTimeZone}, not ${siteTimeZone}.`);
  return store;
}
