// The token signing key: made at first start and kept in the database, so tokens issued before a
// restart of a file-backed emulator still verify after it.
import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from '../server/migrations';

export const authMigration: Migration = {
  part: 'auth',
  steps: [
    `CREATE TABLE auth_signing_keys (
       kid TEXT PRIMARY KEY,
       secret BLOB NOT NULL,
       created_at TEXT NOT NULL
     )`,
    // The RSA key of the tokens for Målkoll's own API (api-tokens.ts).
    `CREATE TABLE auth_rsa_keys (
       kid TEXT PRIMARY KEY,
       private_pem TEXT NOT NULL,
       created_at TEXT NOT NULL
     )`,
  ],
};

export interface SigningKeys {
  /** The key new tokens are signed with. */
  current: { kid: string; secret: Buffer };
  find(kid: string): Buffer | undefined;
}

export function loadSigningKeys(db: Database.Database, now: () => Date): SigningKeys {
  const latest = db.prepare<[], { kid: string; secret: Buffer }>(
    'SELECT kid, secret FROM auth_signing_keys ORDER BY created_at DESC, rowid DESC LIMIT 1',
  );
  let current = latest.get();
  if (!current) {
    current = { kid: randomUUID(), secret: randomBytes(32) };
    db.prepare('INSERT INTO auth_signing_keys (kid, secret, created_at) VALUES (?, ?, ?)').run(
      current.kid,
      current.secret,
      now().toISOString(),
    );
  }
  const byKid = db.prepare<[string], { secret: Buffer }>('SELECT secret FROM auth_signing_keys WHERE kid = ?');
  return { current, find: (kid) => byKid.get(kid)?.secret };
}
