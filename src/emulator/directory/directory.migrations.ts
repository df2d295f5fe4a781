// Tables of the directory part: the emulated tenant's people and who manages whom.
import type { Migration } from '../server/migrations';

export const directoryMigration: Migration = {
  part: 'directory',
  steps: [
    // The *_key columns hold lower-cased copies: Graph compares these properties without regard
    // to case, and SQLite's NOCASE folds only ASCII (not å, ä, ö).
    `CREATE TABLE directory_users (
       id TEXT PRIMARY KEY,
       upn TEXT NOT NULL,
       upn_key TEXT NOT NULL UNIQUE,
       display_name TEXT NOT NULL,
       display_name_key TEXT NOT NULL,
       mail TEXT,
       mail_key TEXT,
       job_title TEXT,
       manager_id TEXT REFERENCES directory_users (id) ON DELETE SET NULL,
       created_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     );
     CREATE INDEX directory_users_manager ON directory_users (manager_id);`,
  ],
};
