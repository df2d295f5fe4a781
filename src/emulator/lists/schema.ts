/**
 * The list-store's tables, and the per-column expression indexes.
 *
 * Items of all lists share one table, their column values in a JSON `fields` text. An indexed
 * column gets a *partial* expression index `ON items(json_extract(fields,'$.Name'), id) WHERE
 * list_key = N`: partial so that a write to one list never evaluates other lists' indexes, which
 * keeps inserts cheap when many lists have indexed columns. SQLite uses a partial index only when
 * the query repeats `list_key = N` as a literal, so item queries inline the list key (an integer
 * this store assigned, never client input).
 */
import type Database from 'better-sqlite3';
import { FOLD_SQL_FUNCTION, foldSql, foldText } from '../odata';

/** Bumped when the DDL below changes in a way existing files need to follow. */
const SCHEMA_VERSION = 1;

/** Case-insensitive comparison key (SharePoint compares text, unique values included, ignoring case). */
export const FOLD_FUNCTION = FOLD_SQL_FUNCTION;

const DDL = `
CREATE TABLE IF NOT EXISTS ls_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS ls_sites (
  id TEXT PRIMARY KEY,
  hostname TEXT NOT NULL COLLATE NOCASE,
  site_collection_id TEXT NOT NULL COLLATE NOCASE,
  web_id TEXT NOT NULL COLLATE NOCASE,
  path TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  UNIQUE (hostname, path)
);
CREATE INDEX IF NOT EXISTS ls_sites_collection ON ls_sites (site_collection_id, web_id);

-- Person "lookup IDs": SharePoint numbers the people who touch a site in its hidden user list.
CREATE TABLE IF NOT EXISTS ls_site_users (
  site_id TEXT NOT NULL,
  user_key TEXT NOT NULL,
  lookup_id INTEGER NOT NULL,
  PRIMARY KEY (site_id, user_key)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS ls_lists (
  key INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  site_id TEXT NOT NULL REFERENCES ls_sites (id),
  name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  template TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  created_by TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  next_item_id INTEGER NOT NULL DEFAULT 1,
  -- Highest change sequence pruned from ls_changes for this list (delta tokens before it are gone).
  pruned_seq INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS ls_lists_title ON ls_lists (site_id, display_name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS ls_columns (
  list_key INTEGER NOT NULL REFERENCES ls_lists (key),
  id TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  spec TEXT NOT NULL,
  PRIMARY KEY (list_key, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS ls_columns_name ON ls_columns (list_key, name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS ls_items (
  list_key INTEGER NOT NULL,
  id INTEGER NOT NULL,
  unique_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  fields TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  created_by TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  author_lookup INTEGER NOT NULL,
  editor_lookup INTEGER NOT NULL,
  app_author_lookup INTEGER,
  app_editor_lookup INTEGER,
  PRIMARY KEY (list_key, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ls_items_unique_id ON ls_items (unique_id);
-- SharePoint indexes Created, Modified and Author on every list.
CREATE INDEX IF NOT EXISTS ls_items_created ON ls_items (list_key, created, id);
CREATE INDEX IF NOT EXISTS ls_items_modified ON ls_items (list_key, modified, id);
CREATE INDEX IF NOT EXISTS ls_items_author ON ls_items (list_key, author_lookup, id);

CREATE TABLE IF NOT EXISTS ls_item_versions (
  list_key INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  fields TEXT NOT NULL,
  modified TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  editor_lookup INTEGER NOT NULL,
  app_editor_lookup INTEGER,
  PRIMARY KEY (list_key, item_id, version)
) WITHOUT ROWID;

-- The delta change log: one row per write; pruned by age.
CREATE TABLE IF NOT EXISTS ls_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  list_key INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete')),
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ls_changes_list ON ls_changes (list_key, seq);
`;

/** Registers the SQL functions the indexes use. Needed on every connection that writes items. */
export function registerFunctions(db: Database.Database): void {
  db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : (value as number | bigint | null),
  );
}

/**
 * Planner statistics for ls_items, written once. Without statistics SQLite guesses that
 * `list_key = N` matches about ten rows, so it walks the primary key of the whole list instead of
 * a column's expression index (a filtered read of 50 000 items took 10+ ms instead of 0.1 ms).
 * These rows say what is true of the design: a list holds many items, an ID or unique_id one.
 * Expression indexes get no row, so the planner keeps its default (selective) estimate for them.
 * A later real ANALYZE simply replaces these figures.
 */
const PLANNER_STATS: ReadonlyArray<[string, string]> = [
  ['sqlite_autoindex_ls_items_1', '1000000 100000 1'],
  ['ls_items_unique_id', '1000000 1'],
  ['ls_items_created', '1000000 100000 2 1'],
  ['ls_items_modified', '1000000 100000 2 1'],
  ['ls_items_author', '1000000 100000 1000 1'],
];

function seedPlannerStats(db: Database.Database): void {
  db.exec('ANALYZE sqlite_schema'); // creates sqlite_stat1 if it does not exist yet
  const has = db.prepare("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'ls_items' LIMIT 1").get();
  if (has) return;
  const insert = db.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('ls_items', ?, ?)");
  for (const [index, stat] of PLANNER_STATS) insert.run(index, stat);
  db.exec('ANALYZE sqlite_schema'); // reloads the statistics into the planner
}

export function migrate(db: Database.Database): void {
  db.exec(DDL);
  db.prepare('INSERT OR IGNORE INTO ls_meta (key, value) VALUES (?, ?)').run('schemaVersion', String(SCHEMA_VERSION));
  seedPlannerStats(db);
}

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Refuses anything that is not a plain identifier or a store-assigned integer before it reaches SQL text. */
function assertSafe(listKey: number, fieldKey: string): void {
  if (!Number.isSafeInteger(listKey) || listKey < 1) throw new Error(`unsafe list key ${String(listKey)}`);
  if (!SAFE_NAME.test(fieldKey)) throw new Error(`unsafe field key ${fieldKey}`);
}

/** The SQL expression for a stored field; index and query must use the same text to match. */
export function fieldExpr(fieldKey: string): string {
  if (!SAFE_NAME.test(fieldKey)) throw new Error(`unsafe field key ${fieldKey}`);
  return `json_extract(fields, '$.${fieldKey}')`;
}

export function foldExpr(fieldKey: string): string {
  return foldSql(fieldExpr(fieldKey));
}

function indexName(prefix: string, listKey: number, columnId: string): string {
  return `${prefix}_${listKey}_${columnId.replace(/-/g, '')}`;
}

/**
 * Creates or drops the expression index (and the unique backstop) for one column. An indexed text
 * column also gets an index on its folded value, which the case-insensitive `eq` and `startswith`
 * use (a unique column's backstop already is one).
 */
export function syncColumnIndexes(
  db: Database.Database,
  listKey: number,
  column: { id: string; fieldKey: string; indexed: boolean; unique: boolean; text: boolean },
): void {
  assertSafe(listKey, column.fieldKey);
  if (!/^[0-9a-fA-F-]{36}$/.test(column.id)) throw new Error(`unsafe column id ${column.id}`);
  const ix = indexName('ls_ix', listKey, column.id);
  const fx = indexName('ls_fx', listKey, column.id);
  const ux = indexName('ls_ux', listKey, column.id);
  if (column.indexed) {
    db.exec(`CREATE INDEX IF NOT EXISTS ${ix} ON ls_items (${fieldExpr(column.fieldKey)}, id) WHERE list_key = ${listKey}`);
  } else {
    db.exec(`DROP INDEX IF EXISTS ${ix}`);
  }
  if (column.indexed && column.text && !column.unique) {
    db.exec(`CREATE INDEX IF NOT EXISTS ${fx} ON ls_items (${foldExpr(column.fieldKey)}, id) WHERE list_key = ${listKey}`);
  } else {
    db.exec(`DROP INDEX IF EXISTS ${fx}`);
  }
  if (column.unique) {
    db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${ux} ON ls_items (${foldExpr(column.fieldKey)}) WHERE list_key = ${listKey}`);
  } else {
    db.exec(`DROP INDEX IF EXISTS ${ux}`);
  }
}
