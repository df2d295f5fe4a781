// The directory in SQLite: lookups by id, UPN or either; pages of users; and registration, which
// is idempotent and lets managers be registered in the same call in any order.
import type Database from 'better-sqlite3';
import type { SqlFragment } from '../odata';
import { isGuid, userIdFor } from './user-id';
import { RegistrationError } from './user-registration';
import type { DevUser, UserRegistration } from './user-registration';

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  jobTitle: string | null;
  managerId: string | null;
}

interface UserRow {
  id: string;
  upn: string;
  display_name: string;
  mail: string | null;
  job_title: string | null;
  manager_id: string | null;
}

const COLUMNS = 'id, upn, display_name, mail, job_title, manager_id';

function toUser(row: UserRow): DirectoryUser {
  return {
    id: row.id,
    userPrincipalName: row.upn,
    displayName: row.display_name,
    mail: row.mail,
    jobTitle: row.job_title,
    managerId: row.manager_id,
  };
}

export interface UserStore {
  byId(id: string): DirectoryUser | undefined;
  byUpn(upn: string): DirectoryUser | undefined;
  /** `/users/{ref}`: an object id or a UPN. */
  byRef(ref: string): DirectoryUser | undefined;
  managerOf(user: DirectoryUser): DirectoryUser | undefined;
  /** Users matching `where` (SQL over this table's columns), by id, after `afterId`. */
  page(where: SqlFragment | undefined, afterId: string | undefined, limit: number): DirectoryUser[];
  register(registrations: readonly UserRegistration[]): DevUser[];
  devUsers(): DevUser[];
}

export function createUserStore(db: Database.Database, now: () => Date): UserStore {
  const selectById = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM directory_users WHERE id = ?`);
  const selectByUpn = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM directory_users WHERE upn_key = ?`);
  const insert = db.prepare(
    `INSERT INTO directory_users (id, upn, upn_key, display_name, display_name_key, mail, mail_key, job_title, created_at, updated_at)
     VALUES (@id, @upn, @upnKey, @displayName, @displayNameKey, @mail, @mailKey, @jobTitle, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE directory_users SET upn = @upn, display_name = @displayName, display_name_key = @displayNameKey,
       mail = @mail, mail_key = @mailKey, job_title = @jobTitle, updated_at = @at WHERE id = @id`,
  );
  const setManager = db.prepare('UPDATE directory_users SET manager_id = ?, updated_at = ? WHERE id = ?');

  const byId = (id: string): DirectoryUser | undefined => {
    const row = selectById.get(id.toLowerCase());
    return row && toUser(row);
  };
  const byUpn = (upn: string): DirectoryUser | undefined => {
    const row = selectByUpn.get(upn.toLowerCase());
    return row && toUser(row);
  };

  function toDev(user: DirectoryUser): DevUser {
    const manager = user.managerId ? byId(user.managerId) : undefined;
    return {
      id: user.id,
      upn: user.userPrincipalName,
      displayName: user.displayName,
      mail: user.mail,
      jobTitle: user.jobTitle,
      managerUpn: manager?.userPrincipalName ?? null,
    };
  }

  function upsert(reg: UserRegistration, at: string): string {
    const existing = byUpn(reg.upn);
    const mail = reg.mail ?? existing?.mail ?? reg.upn;
    const row = {
      id: existing?.id ?? userIdFor(reg.upn),
      upn: reg.upn,
      upnKey: reg.upn.toLowerCase(),
      displayName: reg.displayName,
      displayNameKey: reg.displayName.toLowerCase(),
      mail,
      mailKey: mail.toLowerCase(),
      jobTitle: reg.jobTitle === undefined ? (existing?.jobTitle ?? null) : reg.jobTitle,
      at,
    };
    if (existing) update.run(row);
    else insert.run(row);
    return row.id;
  }

  /** Refuses a manager that is the user, or one that the user (indirectly) manages. */
  function checkNoLoop(userId: string, managerId: string, upn: string): void {
    let current: string | null = managerId;
    for (let depth = 0; current !== null && depth < 1000; depth += 1) {
      if (current === userId) throw new RegistrationError(`The manager of ${upn} would make a management loop (a person above themselves).`);
      current = byId(current)?.managerId ?? null;
    }
  }

  const register = db.transaction((registrations: readonly UserRegistration[]): DevUser[] => {
    const at = now().toISOString();
    // Everyone first, managers second: a manager may come later in the same call.
    const ids = registrations.map((reg) => upsert(reg, at));
    registrations.forEach((reg, i) => {
      const id = ids[i] ?? '';
      if (reg.managerUpn === undefined) return;
      if (reg.managerUpn === null) {
        setManager.run(null, at, id);
        return;
      }
      const manager = byUpn(reg.managerUpn);
      if (!manager) {
        throw new RegistrationError(`The manager ${reg.managerUpn} of ${reg.upn} is not registered; register the manager too (in the same call is fine).`);
      }
      checkNoLoop(id, manager.id, reg.upn);
      setManager.run(manager.id, at, id);
    });
    return ids.map((id) => toDev(byId(id) ?? missing(id)));
  });

  return {
    byId,
    byUpn,
    byRef: (ref) => (isGuid(ref) ? byId(ref) : byUpn(ref)),
    managerOf: (user) => (user.managerId ? byId(user.managerId) : undefined),
    page(where, afterId, limit) {
      const clauses: string[] = [];
      const params: Array<string | number | null> = [];
      if (where) {
        clauses.push(`(${where.sql})`);
        params.push(...where.params);
      }
      if (afterId !== undefined) {
        clauses.push('id > ?');
        params.push(afterId);
      }
      const sql = `SELECT ${COLUMNS} FROM directory_users ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
      return db
        .prepare<unknown[], UserRow>(sql)
        .all(...params, limit)
        .map(toUser);
    },
    register: (registrations) => register(registrations),
    devUsers: () =>
      db
        .prepare<[], UserRow>(`SELECT ${COLUMNS} FROM directory_users ORDER BY display_name_key, upn_key`)
        .all()
        .map((row) => toDev(toUser(row))),
  };
}

function missing(id: string): never {
  throw new Error(`directory: user ${id} vanished inside its own registration`);
}
