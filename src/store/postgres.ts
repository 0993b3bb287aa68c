import type pg from 'pg';
import { postgresHandle } from '../db/kysely.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { KyselyStore } from './kysely-store.js';
import { runPostgresMigrations } from './pg-migrate.js';
import { resilientPool } from './pg-pool.js';
import type { StoreTables } from './schema.js';

/**
 * The SQLite schema (src/store/migrations.ts) in PostgreSQL, for several replicas sharing state:
 * the same tables, keys and uniqueness rules; `user` is `user_id` (a reserved word here), times are
 * epoch-ms BIGINTs. Versions live in `deskmate_migrations`; append steps, never edit applied ones.
 */
export const POSTGRES_MIGRATIONS: string[] = [
  `CREATE TABLE processed_events (event_id TEXT PRIMARY KEY, seen_at BIGINT NOT NULL);
   CREATE TABLE questions (
     id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, channel TEXT NOT NULL, user_id TEXT NOT NULL, text TEXT NOT NULL,
     message_ts TEXT NOT NULL, thread_ts TEXT, event_id TEXT, truncated BOOLEAN NOT NULL DEFAULT FALSE,
     status TEXT NOT NULL DEFAULT 'pending', reply_ts TEXT, created_at BIGINT NOT NULL, UNIQUE (channel, message_ts));
   CREATE INDEX questions_status ON questions (status);
   CREATE INDEX questions_user ON questions (user_id, created_at);
   CREATE TABLE threads (channel TEXT NOT NULL, thread_ts TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (channel, thread_ts));
   CREATE TABLE turns (id BIGSERIAL PRIMARY KEY, conversation TEXT NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, at BIGINT NOT NULL);
   CREATE INDEX turns_conversation ON turns (conversation, id);
   CREATE TABLE escalations (
     id BIGSERIAL PRIMARY KEY, question_id BIGINT, channel TEXT NOT NULL, thread_ts TEXT NOT NULL, asker TEXT NOT NULL,
     question TEXT NOT NULL, topic TEXT NOT NULL, senior TEXT NOT NULL, reason TEXT NOT NULL, state TEXT NOT NULL,
     claimed_by TEXT, resolved_by TEXT, notice_ts TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
   CREATE INDEX escalations_thread ON escalations (channel, thread_ts);
   CREATE TABLE rotations (topic TEXT PRIMARY KEY, cursor INTEGER NOT NULL);
   CREATE TABLE feedback (question_id BIGINT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL, at BIGINT NOT NULL,
     PRIMARY KEY (question_id, user_id, kind));`,
  // 2: unclaimed escalations remind once, then move on; timing counts from the current assignment.
  `ALTER TABLE escalations ADD COLUMN assigned_at BIGINT;
   UPDATE escalations SET assigned_at = created_at;
   ALTER TABLE escalations ADD COLUMN reminded_at BIGINT;`,
  // 3: escalations raised outside a senior's hours wait; notified_at says when the senior was told.
  `ALTER TABLE escalations ADD COLUMN notified_at BIGINT;
   UPDATE escalations SET notified_at = assigned_at;`,
  // 4: /copy drafts wait for their requester (buttons work after a restart); approvals are the audit trail.
  `CREATE TABLE copy_drafts (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, channel TEXT NOT NULL, messages TEXT NOT NULL, draft TEXT NOT NULL,
     status TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
   CREATE TABLE copy_approvals (id BIGSERIAL PRIMARY KEY, draft_id TEXT NOT NULL REFERENCES copy_drafts (id), approver TEXT NOT NULL,
     channel TEXT NOT NULL, message_ts TEXT, final_text TEXT NOT NULL, approved_at BIGINT NOT NULL);
   CREATE INDEX copy_approvals_draft ON copy_approvals (draft_id);`,
  // 5: escalation versions for compare-and-set; the placeholder ts of a question being answered.
  `ALTER TABLE escalations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE questions ADD COLUMN placeholder_ts TEXT;`,
  // 6: SQLite renamed its `user` columns to user_id, the name PostgreSQL always had: nothing to do here.
  `SELECT 1;`,
];

const log = childLogger('store.postgres');
const MIGRATION_LOCK = 0x64736b6d; // "dskm": replicas starting together migrate one at a time

export function migratePostgres(client: pg.ClientBase): Promise<number> {
  return runPostgresMigrations(client, { table: 'deskmate_migrations', lock: MIGRATION_LOCK, migrations: POSTGRES_MIGRATIONS });
}

/** The store in PostgreSQL (DATABASE_URL), shared by every replica; the query code is KyselyStore's. */
export class PostgresStore extends KyselyStore {
  static async open(databaseUrl: string): Promise<PostgresStore> {
    // A connection dropped by the server (restart, failover) must not crash the process.
    const pool = resilientPool(databaseUrl, 8, log);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client);
      } finally {
        client.release();
      }
      return new PostgresStore(postgresHandle<StoreTables>(pool));
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot open the Deskmate database in PostgreSQL: ${(err as Error).message}. Check DATABASE_URL (postgres://user:password@host:5432/db).`, { cause: err });
    }
  }
}
