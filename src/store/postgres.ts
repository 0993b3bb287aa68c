import pg from 'pg';
import { runPostgresMigrations } from './pg-migrate.js';
import { toEscalation, toQuestion, type Row } from './rows.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { resilientPool } from './pg-pool.js';
import { isRetryableStoreError } from './retryable.js';
import * as copyDrafts from './copy-postgres.js';
import { forgetPostgres, purgePostgres, type PurgeCounts } from './retention.js';
import type { CopyApproval, CopyDraftRecord, CopyDraftStatus, DeskmateStore, Escalation, EscalationInput, EscalationState, FeedbackKind, QuestionInput, QuestionStatus, StoredQuestion, Turn } from './types.js';


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
  // 5: the Events API front stores each envelope before its 200; body is cleared once handled.
  `CREATE TABLE event_inbox (event_id TEXT PRIMARY KEY, body TEXT, received_at BIGINT NOT NULL);
   CREATE INDEX event_inbox_unsettled ON event_inbox (received_at) WHERE body IS NOT NULL;`,
];

const log = childLogger('store.postgres');
const MIGRATION_LOCK = 0x64736b6d; // "dskm": replicas starting together migrate one at a time

export function migratePostgres(client: pg.ClientBase): Promise<number> {
  return runPostgresMigrations(client, { table: 'deskmate_migrations', lock: MIGRATION_LOCK, migrations: POSTGRES_MIGRATIONS });
}

export class PostgresStore implements DeskmateStore {
  private closed = false;
  private constructor(private readonly pool: pg.Pool) {}

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
      return new PostgresStore(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot open the Deskmate database in PostgreSQL: ${(err as Error).message}. Check DATABASE_URL (postgres://user:password@host:5432/db).`, { cause: err });
    }
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let lost: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A connection the server dropped goes, not back to the pool; the caller sees a retryable error.
      if (isRetryableStoreError(err)) lost = err as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release(lost);
    }
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  async acceptQuestion(q: QuestionInput): Promise<StoredQuestion | undefined> {
    const now = Date.now();
    return this.tx(async (c) => {
      if (q.eventId && (await c.query('INSERT INTO processed_events VALUES ($1, $2) ON CONFLICT DO NOTHING', [q.eventId, now])).rowCount === 0) return undefined;
      const res = await c.query(
        'INSERT INTO questions (kind, channel, user_id, text, message_ts, thread_ts, event_id, truncated, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (channel, message_ts) DO NOTHING RETURNING id',
        [q.kind, q.channel, q.user, q.text, q.messageTs, q.threadTs ?? null, q.eventId ?? null, Boolean(q.truncated), now],
      );
      if (res.rowCount === 0) return undefined;
      return { ...q, id: Number(res.rows[0].id), status: 'pending' as const, createdAt: now };
    });
  }

  async markEventSeen(eventId: string): Promise<boolean> {
    return ((await this.pool.query('INSERT INTO processed_events VALUES ($1, $2) ON CONFLICT DO NOTHING', [eventId, Date.now()])).rowCount ?? 0) > 0;
  }

  async receiveEvent(eventId: string, body: string): Promise<boolean> {
    return ((await this.pool.query('INSERT INTO event_inbox VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [eventId, body, Date.now()])).rowCount ?? 0) > 0;
  }

  async settleEvent(eventId: string): Promise<void> {
    await this.pool.query('UPDATE event_inbox SET body = NULL WHERE event_id = $1', [eventId]);
  }

  async unsettledEvents(receivedBefore: number): Promise<Array<{ eventId: string; body: string }>> {
    const rows = await this.rows('SELECT event_id, body FROM event_inbox WHERE body IS NOT NULL AND received_at < $1 ORDER BY received_at', [receivedBefore]);
    return rows.map((r) => ({ eventId: String(r.event_id), body: String(r.body) }));
  }

  async pendingQuestions(): Promise<StoredQuestion[]> {
    return (await this.rows("SELECT * FROM questions WHERE status = 'pending' ORDER BY id")).map(toQuestion);
  }

  async getQuestion(id: number): Promise<StoredQuestion | undefined> {
    const [row] = await this.rows('SELECT * FROM questions WHERE id = $1', [id]);
    return row ? toQuestion(row) : undefined;
  }

  async finishQuestion(id: number, status: Exclude<QuestionStatus, 'pending'>, replyTs?: string): Promise<void> {
    await this.pool.query('UPDATE questions SET status = $1, reply_ts = COALESCE($2, reply_ts) WHERE id = $3', [status, replyTs ?? null, id]);
  }

  async recentQuestions(user: string, limit: number): Promise<StoredQuestion[]> {
    return (await this.rows('SELECT * FROM questions WHERE user_id = $1 ORDER BY id DESC LIMIT $2', [user, limit])).map(toQuestion);
  }

  async markThread(channel: string, threadTs: string, kind: 'answered' | 'proactive'): Promise<void> {
    // An explicit answer outranks a proactive one: the thread then takes follow-ups.
    await this.pool.query(
      "INSERT INTO threads VALUES ($1, $2, $3) ON CONFLICT (channel, thread_ts) DO UPDATE SET kind = CASE WHEN excluded.kind = 'answered' THEN 'answered' ELSE threads.kind END",
      [channel, threadTs, kind],
    );
  }

  async threadKind(channel: string, threadTs: string): Promise<'answered' | 'proactive' | undefined> {
    const [row] = await this.rows('SELECT kind FROM threads WHERE channel = $1 AND thread_ts = $2', [channel, threadTs]);
    return row ? (row.kind as 'answered' | 'proactive') : undefined;
  }

  async addTurn(conversation: string, turn: Turn): Promise<void> {
    await this.pool.query('INSERT INTO turns (conversation, role, text, at) VALUES ($1, $2, $3, $4)', [conversation, turn.role, turn.text, turn.at]);
  }

  async recentTurns(conversation: string, limit: number): Promise<Turn[]> {
    const rows = await this.rows('SELECT role, text, at FROM turns WHERE conversation = $1 ORDER BY id DESC LIMIT $2', [conversation, limit]);
    return rows.reverse().map((r) => ({ role: r.role as Turn['role'], text: String(r.text), at: Number(r.at) }));
  }

  async openEscalation(input: EscalationInput): Promise<Escalation> {
    const now = Date.now();
    const [row] = await this.rows(
      "INSERT INTO escalations (question_id, channel, thread_ts, asker, question, topic, senior, reason, state, created_at, updated_at, assigned_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $9, $9) RETURNING id",
      [input.questionId ?? null, input.channel, input.threadTs, input.asker, input.question, input.topic, input.senior, input.reason, now],
    );
    return { ...input, id: Number(row.id), state: 'open', createdAt: now, updatedAt: now, assignedAt: now };
  }

  async getEscalation(id: number): Promise<Escalation | undefined> {
    const [row] = await this.rows('SELECT * FROM escalations WHERE id = $1', [id]);
    return row ? toEscalation(row) : undefined;
  }

  async escalationForThread(channel: string, threadTs: string): Promise<Escalation | undefined> {
    const [row] = await this.rows('SELECT * FROM escalations WHERE channel = $1 AND thread_ts = $2 ORDER BY id DESC LIMIT 1', [channel, threadTs]);
    return row ? toEscalation(row) : undefined;
  }

  async saveEscalation(e: Escalation): Promise<void> {
    await this.pool.query(
      'UPDATE escalations SET senior = $1, state = $2, claimed_by = $3, resolved_by = $4, notice_ts = $5, assigned_at = $6, reminded_at = $7, notified_at = $8, updated_at = $9 WHERE id = $10',
      [e.senior, e.state, e.claimedBy ?? null, e.resolvedBy ?? null, e.noticeTs ?? null, e.assignedAt ?? e.createdAt, e.remindedAt ?? null, e.notifiedAt ?? null, Date.now(), e.id],
    );
  }

  async listEscalations(state?: EscalationState): Promise<Escalation[]> {
    const rows = state ? await this.rows('SELECT * FROM escalations WHERE state = $1 ORDER BY id', [state]) : await this.rows('SELECT * FROM escalations ORDER BY id');
    return rows.map(toEscalation);
  }

  /** One statement, so two replicas never hand out the same cursor. */
  async nextRotation(topic: string): Promise<number> {
    const [row] = await this.rows('INSERT INTO rotations VALUES ($1, 1) ON CONFLICT (topic) DO UPDATE SET cursor = rotations.cursor + 1 RETURNING cursor - 1 AS cursor', [topic]);
    return Number(row.cursor);
  }

  async recordFeedback(questionId: number, user: string, kind: FeedbackKind): Promise<void> {
    await this.pool.query('INSERT INTO feedback VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [questionId, user, kind, Date.now()]);
  }

  async feedbackFor(questionId: number): Promise<Array<{ user: string; kind: FeedbackKind }>> {
    return (await this.rows('SELECT user_id, kind FROM feedback WHERE question_id = $1 ORDER BY at', [questionId])).map((r) => ({ user: String(r.user_id), kind: r.kind as FeedbackKind }));
  }

  saveCopyDraft(d: CopyDraftRecord): Promise<void> {
    return copyDrafts.saveCopyDraft(this.pool, d);
  }
  getCopyDraft(id: string): Promise<CopyDraftRecord | undefined> {
    return copyDrafts.getCopyDraft(this.pool, id);
  }
  moveCopyDraft(id: string, from: CopyDraftStatus, to: CopyDraftStatus): Promise<boolean> {
    return copyDrafts.moveCopyDraft(this.pool, id, from, to);
  }
  recordCopyApproval(a: Omit<CopyApproval, 'id'>): Promise<CopyApproval> {
    return copyDrafts.recordCopyApproval(this.pool, a);
  }
  copyApprovals(draftId?: string): Promise<CopyApproval[]> {
    return copyDrafts.copyApprovals(this.pool, draftId);
  }

  purgeOlderThan(cutoffMs: number): Promise<PurgeCounts> {
    return purgePostgres(this.pool, cutoffMs);
  }
  forgetWorkspace(_teamId: string): Promise<void> {
    return forgetPostgres(this.pool);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
