// Sent activity notifications, recorded so tests and the local shell can see what Teams would
// have shown (`GET /_dev/activity`).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from '../server/migrations';
import { TEAMS_APPS_MIGRATION_STEP } from './teams-apps';

export const teamworkMigration: Migration = {
  part: 'teamwork',
  steps: [
    `CREATE TABLE teamwork_activity (
       seq INTEGER PRIMARY KEY AUTOINCREMENT,
       id TEXT NOT NULL UNIQUE,
       recipient_id TEXT NOT NULL,
       recipient_upn TEXT NOT NULL,
       recipient_upn_key TEXT NOT NULL,
       sender TEXT NOT NULL,
       activity_type TEXT NOT NULL,
       chain_id TEXT,
       delivered INTEGER NOT NULL,
       note TEXT,
       sent_at TEXT NOT NULL,
       body TEXT NOT NULL
     );
     CREATE INDEX teamwork_activity_recipient ON teamwork_activity (recipient_upn_key, seq);`,
    TEAMS_APPS_MIGRATION_STEP,
  ],
};

export type ActivitySender =
  | { kind: 'user'; id: string; upn: string; displayName: string }
  | { kind: 'app'; id: string; displayName: string };

export interface RecordedActivity {
  id: string;
  sentAt: string;
  recipientId: string;
  recipientUpn: string;
  sender: ActivitySender;
  activityType: string;
  chainId: string | null;
  /** False when Teams would not show it (a user notifying themselves with a delegated token). */
  delivered: boolean;
  note: string | null;
  /** The request body as sent. */
  body: unknown;
}

export interface NewActivity {
  recipient: { id: string; upn: string };
  sender: ActivitySender;
  activityType: string;
  chainId?: string;
  delivered: boolean;
  note?: string;
  body: unknown;
}

interface ActivityRow {
  id: string;
  sent_at: string;
  recipient_id: string;
  recipient_upn: string;
  sender: string;
  activity_type: string;
  chain_id: string | null;
  delivered: number;
  note: string | null;
  body: string;
}

export interface ActivityStore {
  record(activity: NewActivity): RecordedActivity;
  /** Newest first; optionally only those to one recipient (UPN, any case). */
  list(recipientUpn?: string): RecordedActivity[];
}

function fromRow(row: ActivityRow): RecordedActivity {
  return {
    id: row.id,
    sentAt: row.sent_at,
    recipientId: row.recipient_id,
    recipientUpn: row.recipient_upn,
    sender: JSON.parse(row.sender) as ActivitySender,
    activityType: row.activity_type,
    chainId: row.chain_id,
    delivered: row.delivered === 1,
    note: row.note,
    body: JSON.parse(row.body) as unknown,
  };
}

export function createActivityStore(db: Database.Database, now: () => Date): ActivityStore {
  const insert = db.prepare(
    `INSERT INTO teamwork_activity (id, recipient_id, recipient_upn, recipient_upn_key, sender, activity_type, chain_id, delivered, note, sent_at, body)
     VALUES (@id, @recipientId, @recipientUpn, @recipientUpnKey, @sender, @activityType, @chainId, @delivered, @note, @sentAt, @body)`,
  );
  const columns = 'id, sent_at, recipient_id, recipient_upn, sender, activity_type, chain_id, delivered, note, body';
  const all = db.prepare<[], ActivityRow>(`SELECT ${columns} FROM teamwork_activity ORDER BY seq DESC`);
  const forRecipient = db.prepare<[string], ActivityRow>(
    `SELECT ${columns} FROM teamwork_activity WHERE recipient_upn_key = ? ORDER BY seq DESC`,
  );
  return {
    record(activity) {
      const recorded: RecordedActivity = {
        id: randomUUID(),
        sentAt: now().toISOString(),
        recipientId: activity.recipient.id,
        recipientUpn: activity.recipient.upn,
        sender: activity.sender,
        activityType: activity.activityType,
        chainId: activity.chainId ?? null,
        delivered: activity.delivered,
        note: activity.note ?? null,
        body: activity.body,
      };
      insert.run({
        ...recorded,
        recipientUpnKey: recorded.recipientUpn.toLowerCase(),
        sender: JSON.stringify(recorded.sender),
        delivered: recorded.delivered ? 1 : 0,
        body: JSON.stringify(recorded.body),
      });
      return recorded;
    },
    list: (recipientUpn) => (recipientUpn === undefined ? all.all() : forRecipient.all(recipientUpn.toLowerCase())).map(fromRow),
  };
}
