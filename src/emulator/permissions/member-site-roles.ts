// What a signed-in person may do on the sites: SharePoint's permission levels Read and Contribute
// (a delegated call gets the smaller of the token's scopes and the person's permission level).
// Someone with no level set keeps the emulator's old behaviour, full control, so suites that
// write with delegated tokens keep working; `npm start` gives everyone Read, as Målkoll's
// deployment does, so the tab and the add-in write only through Målkoll's API.
import type Database from 'better-sqlite3';
import type { SiteRole } from './site-roles';

export const MEMBER_LEVELS = ['read', 'contribute'] as const;
export type MemberLevel = (typeof MEMBER_LEVELS)[number];

/** Read and Contribute as the site roles the operations need: Contribute edits items, never lists. */
const AS_SITE_ROLE: Record<MemberLevel, SiteRole> = { read: 'read', contribute: 'write' };

/** `*` stands for everyone not named. */
export const EVERYONE = '*';

export interface MemberSiteRoles {
  /** The person's site role, or undefined when no level applies to them. */
  roleOf(upn: string): SiteRole | undefined;
  set(levels: Readonly<Record<string, MemberLevel | null>>): void;
  list(): Record<string, MemberLevel>;
}

export class MemberLevelError extends Error {}

export function isMemberLevel(value: unknown): value is MemberLevel {
  return typeof value === 'string' && (MEMBER_LEVELS as readonly string[]).includes(value);
}

/** `{"*": "read", "anna@x": "contribute", "old@x": null}`; null removes a person's level. */
export function parseMemberLevels(input: unknown): Record<string, MemberLevel | null> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new MemberLevelError('Send {"upn or *": "read" | "contribute" | null, …}.');
  const levels: Record<string, MemberLevel | null> = {};
  for (const [upn, level] of Object.entries(input)) {
    if (upn !== EVERYONE && !/^[^\s@]+@[^\s@]+$/.test(upn)) throw new MemberLevelError(`"${upn}" is neither a UPN nor "*".`);
    if (level !== null && !isMemberLevel(level)) throw new MemberLevelError(`"${String(level)}" is no permission level; use "read", "contribute" or null.`);
    levels[upn] = level;
  }
  return levels;
}

export function createMemberSiteRoles(db: Database.Database): MemberSiteRoles {
  const one = db.prepare<[string], { role: string }>('SELECT role FROM member_site_roles WHERE upn = ?');
  const upsert = db.prepare('INSERT INTO member_site_roles (upn, role) VALUES (?, ?) ON CONFLICT (upn) DO UPDATE SET role = excluded.role');
  const remove = db.prepare('DELETE FROM member_site_roles WHERE upn = ?');
  const all = db.prepare<[], { upn: string; role: string }>('SELECT upn, role FROM member_site_roles ORDER BY upn');
  const levelOf = (upn: string): MemberLevel | undefined => {
    const role = one.get(upn)?.role ?? one.get(EVERYONE)?.role;
    return isMemberLevel(role) ? role : undefined;
  };
  return {
    roleOf(upn) {
      const level = levelOf(upn);
      return level === undefined ? undefined : AS_SITE_ROLE[level];
    },
    set: db.transaction((levels: Readonly<Record<string, MemberLevel | null>>) => {
      for (const [upn, level] of Object.entries(levels)) {
        if (level === null) remove.run(upn);
        else upsert.run(upn, level);
      }
    }),
    list() {
      return Object.fromEntries(all.all().filter((row) => isMemberLevel(row.role)).map((row) => [row.upn, row.role as MemberLevel]));
    },
  };
}
