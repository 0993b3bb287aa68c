import fs from 'node:fs';
import { openSqlite, setPragma, userVersion } from './sqlite-open.js';
import { toEscalation, toQuestion, type Row } from './rows.js';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DeskmateError, ErrorCode } from '../errors.js';
import { MIGRATIONS } from './migrations.js';
import * as copyDrafts from './copy-sqlite.js';
import { forgetSqlite, purgeSqlite, type PurgeCounts } from './retention.js';
import { GroupCommit } from './group-commit.js';
import type { CopyApproval, CopyDraftRecord, CopyDraftStatus, DeskmateStore, Escalation, EscalationInput, EscalationState, FeedbackKind, QuestionInput, QuestionStatus, StoredQuestion, Turn } from './types.js';

const DB_FILE = 'deskmate.sqlite';

/** Applies pending migrations; returns the schema version reached. */
export function migrate(db: Database.Database): number {
  const current = userVersion(db);
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      setPragma(db, `user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

/**
 * SQLite store under the data dir. better-sqlite3 is synchronous, so each call finishes before the
 * HTTP ack goes out: a question is on disk before Slack hears "200".
 */
export class SqliteStore implements DeskmateStore {
  private constructor(private readonly db: Database.Database) {}

  static open(dataDir: string): SqliteStore {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      const db = openSqlite(path.join(dataDir, DB_FILE));
      setPragma(db, 'journal_mode = WAL');
      // WAL with NORMAL sync: commits survive a process crash without an fsync each (acks stay fast).
      setPragma(db, 'synchronous = NORMAL');
      setPragma(db, 'busy_timeout = 5000');
      migrate(db);
      return new SqliteStore(db);
    } catch (err) {
      throw new DeskmateError(ErrorCode.StoreFailed, `Cannot open the Deskmate database in ${dataDir}: ${(err as Error).message}. Check DESKMATE_DATA_DIR points at a writable folder.`, { cause: err });
    }
  }

  /** Questions arriving together (a burst of events) are stored in one transaction: one commit, not one each. */
  private readonly accepts = new GroupCommit<QuestionInput, StoredQuestion | undefined>((qs) => this.acceptAll(qs));

  private acceptAll(qs: QuestionInput[]): Array<StoredQuestion | undefined> {
    this.acceptTx ??= this.db.transaction((batch: QuestionInput[]) => this.insertQuestions(batch));
    return this.acceptTx(qs);
  }

  private acceptTx: ((qs: QuestionInput[]) => Array<StoredQuestion | undefined>) | undefined;

  private insertQuestions(qs: QuestionInput[]): Array<StoredQuestion | undefined> {
    const now = Date.now();
    const seen = this.db.prepare('INSERT OR IGNORE INTO processed_events VALUES (?, ?)');
    const insert = this.db.prepare('INSERT OR IGNORE INTO questions (kind, channel, user, text, message_ts, thread_ts, event_id, truncated, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    return qs.map((q) => {
      if (q.eventId && seen.run(q.eventId, now).changes === 0) return undefined;
      const res = insert.run(q.kind, q.channel, q.user, q.text, q.messageTs, q.threadTs ?? null, q.eventId ?? null, q.truncated ? 1 : 0, now);
      if (res.changes === 0) return undefined;
      return { ...q, id: Number(res.lastInsertRowid), status: 'pending' as const, createdAt: now };
    });
  }

  acceptQuestion(q: QuestionInput): Promise<StoredQuestion | undefined> {
    return this.accepts.submit(q);
  }

  async markEventSeen(eventId: string): Promise<boolean> {
    return this.db.prepare('INSERT OR IGNORE INTO processed_events VALUES (?, ?)').run(eventId, Date.now()).changes > 0;
  }

  /** A burst of envelopes is stored in one transaction, like questions (see GroupCommit). */
  private readonly inbox = new GroupCommit<{ eventId: string; body: string }, boolean>((events) => this.receiveAll(events));

  private receiveAll(events: Array<{ eventId: string; body: string }>): boolean[] {
    const now = Date.now();
    const insert = this.db.prepare('INSERT OR IGNORE INTO event_inbox VALUES (?, ?, ?)');
    return this.db.transaction(() => events.map((e) => insert.run(e.eventId, e.body, now).changes > 0))();
  }

  receiveEvent(eventId: string, body: string): Promise<boolean> {
    return this.inbox.submit({ eventId, body });
  }

  async settleEvent(eventId: string): Promise<void> {
    this.db.prepare('UPDATE event_inbox SET body = NULL WHERE event_id = ?').run(eventId);
  }

  async unsettledEvents(receivedBefore: number): Promise<Array<{ eventId: string; body: string }>> {
    const rows = this.db.prepare('SELECT event_id, body FROM event_inbox WHERE body IS NOT NULL AND received_at < ? ORDER BY received_at').all(receivedBefore) as Row[];
    return rows.map((r) => ({ eventId: String(r.event_id), body: String(r.body) }));
  }

  async pendingQuestions(): Promise<StoredQuestion[]> {
    return (this.db.prepare("SELECT * FROM questions WHERE status = 'pending' ORDER BY id").all() as Row[]).map(toQuestion);
  }

  async getQuestion(id: number): Promise<StoredQuestion | undefined> {
    const row = this.db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as Row | undefined;
    return row ? toQuestion(row) : undefined;
  }

  async finishQuestion(id: number, status: Exclude<QuestionStatus, 'pending'>, replyTs?: string): Promise<void> {
    this.db.prepare('UPDATE questions SET status = ?, reply_ts = COALESCE(?, reply_ts) WHERE id = ?').run(status, replyTs ?? null, id);
  }

  async recentQuestions(user: string, limit: number): Promise<StoredQuestion[]> {
    return (this.db.prepare('SELECT * FROM questions WHERE user = ? ORDER BY id DESC LIMIT ?').all(user, limit) as Row[]).map(toQuestion);
  }

  async markThread(channel: string, threadTs: string, kind: 'answered' | 'proactive'): Promise<void> {
    // An explicit answer outranks a proactive one: the thread then takes follow-ups.
    this.db
      .prepare("INSERT INTO threads VALUES (?, ?, ?) ON CONFLICT (channel, thread_ts) DO UPDATE SET kind = CASE WHEN excluded.kind = 'answered' THEN 'answered' ELSE threads.kind END")
      .run(channel, threadTs, kind);
  }

  async threadKind(channel: string, threadTs: string): Promise<'answered' | 'proactive' | undefined> {
    const row = this.db.prepare('SELECT kind FROM threads WHERE channel = ? AND thread_ts = ?').get(channel, threadTs) as Row | undefined;
    return row ? (row.kind as 'answered' | 'proactive') : undefined;
  }

  async addTurn(conversation: string, turn: Turn): Promise<void> {
    this.db.prepare('INSERT INTO turns (conversation, role, text, at) VALUES (?, ?, ?, ?)').run(conversation, turn.role, turn.text, turn.at);
  }

  async recentTurns(conversation: string, limit: number): Promise<Turn[]> {
    const rows = this.db.prepare('SELECT role, text, at FROM turns WHERE conversation = ? ORDER BY id DESC LIMIT ?').all(conversation, limit) as Row[];
    return rows.reverse().map((r) => ({ role: r.role as Turn['role'], text: String(r.text), at: Number(r.at) }));
  }

  async openEscalation(input: EscalationInput): Promise<Escalation> {
    const now = Date.now();
    const res = this.db
      .prepare("INSERT INTO escalations (question_id, channel, thread_ts, asker, question, topic, senior, reason, state, created_at, updated_at, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)")
      .run(input.questionId ?? null, input.channel, input.threadTs, input.asker, input.question, input.topic, input.senior, input.reason, now, now, now);
    return { ...input, id: Number(res.lastInsertRowid), state: 'open', createdAt: now, updatedAt: now, assignedAt: now };
  }

  async getEscalation(id: number): Promise<Escalation | undefined> {
    const row = this.db.prepare('SELECT * FROM escalations WHERE id = ?').get(id) as Row | undefined;
    return row ? toEscalation(row) : undefined;
  }

  async escalationForThread(channel: string, threadTs: string): Promise<Escalation | undefined> {
    const row = this.db.prepare('SELECT * FROM escalations WHERE channel = ? AND thread_ts = ? ORDER BY id DESC LIMIT 1').get(channel, threadTs) as Row | undefined;
    return row ? toEscalation(row) : undefined;
  }

  async saveEscalation(e: Escalation): Promise<void> {
    this.db
      .prepare('UPDATE escalations SET senior = ?, state = ?, claimed_by = ?, resolved_by = ?, notice_ts = ?, assigned_at = ?, reminded_at = ?, notified_at = ?, updated_at = ? WHERE id = ?')
      .run(e.senior, e.state, e.claimedBy ?? null, e.resolvedBy ?? null, e.noticeTs ?? null, e.assignedAt ?? e.createdAt, e.remindedAt ?? null, e.notifiedAt ?? null, Date.now(), e.id);
  }

  async listEscalations(state?: EscalationState): Promise<Escalation[]> {
    const rows = state ? this.db.prepare('SELECT * FROM escalations WHERE state = ? ORDER BY id').all(state) : this.db.prepare('SELECT * FROM escalations ORDER BY id').all();
    return (rows as Row[]).map(toEscalation);
  }

  async nextRotation(topic: string): Promise<number> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT cursor FROM rotations WHERE topic = ?').get(topic) as Row | undefined;
      const cursor = row ? Number(row.cursor) : 0;
      this.db.prepare('INSERT INTO rotations VALUES (?, ?) ON CONFLICT (topic) DO UPDATE SET cursor = excluded.cursor').run(topic, cursor + 1);
      return cursor;
    })();
  }

  async recordFeedback(questionId: number, user: string, kind: FeedbackKind): Promise<void> {
    this.db.prepare('INSERT OR IGNORE INTO feedback VALUES (?, ?, ?, ?)').run(questionId, user, kind, Date.now());
  }

  async feedbackFor(questionId: number): Promise<Array<{ user: string; kind: FeedbackKind }>> {
    return (this.db.prepare('SELECT user, kind FROM feedback WHERE question_id = ? ORDER BY at').all(questionId) as Row[]).map((r) => ({ user: String(r.user), kind: r.kind as FeedbackKind }));
  }

  async saveCopyDraft(d: CopyDraftRecord): Promise<void> {
    copyDrafts.saveCopyDraft(this.db, d);
  }

  async getCopyDraft(id: string): Promise<CopyDraftRecord | undefined> {
    return copyDrafts.getCopyDraft(this.db, id);
  }

  async moveCopyDraft(id: string, from: CopyDraftStatus, to: CopyDraftStatus): Promise<boolean> {
    return copyDrafts.moveCopyDraft(this.db, id, from, to);
  }

  async recordCopyApproval(a: Omit<CopyApproval, 'id'>): Promise<CopyApproval> {
    return copyDrafts.recordCopyApproval(this.db, a);
  }

  async copyApprovals(draftId?: string): Promise<CopyApproval[]> {
    return copyDrafts.copyApprovals(this.db, draftId);
  }

  async purgeOlderThan(cutoffMs: number): Promise<PurgeCounts> {
    return purgeSqlite(this.db, cutoffMs);
  }

  async forgetWorkspace(_teamId: string): Promise<void> {
    forgetSqlite(this.db);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
