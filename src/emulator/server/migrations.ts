// Schema migrations for every part of the emulator, in one database. Each part lists its steps in
// order and never edits a step that has shipped: a file database made by an older emulator is
// brought forward by running only the steps it has not seen.
import type Database from 'better-sqlite3';

export interface Migration {
  /** The part that owns the tables, e.g. `directory`. */
  readonly part: string;
  /** SQL scripts, oldest first. */
  readonly steps: readonly string[];
}

export function runMigrations(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS emulator_migrations (part TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  const current = db.prepare<[string], { version: number }>('SELECT version FROM emulator_migrations WHERE part = ?');
  const record = db.prepare('INSERT INTO emulator_migrations (part, version) VALUES (?, ?) ON CONFLICT (part) DO UPDATE SET version = excluded.version');
  for (const migration of migrations) {
    const done = current.get(migration.part)?.version ?? 0;
    if (done > migration.steps.length) {
      throw new Error(
        `The database has ${done} migration steps for '${migration.part}' but this emulator knows ${migration.steps.length}; it was made by a newer emulator.`,
      );
    }
    migration.steps.slice(done).forEach((sql, i) => {
      db.transaction(() => {
        db.exec(sql);
        record.run(migration.part, done + i + 1);
      })();
    });
  }
}
