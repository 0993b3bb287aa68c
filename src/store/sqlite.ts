import { setPragma, userVersion } from '../db/sqlite-open.js';
import { ESCALATION_SAVE_COLUMNS, escalationSaveResult, escalationSaveValues, toEscalation, toQuestion, type Row } from './rows.js';
import { storableFields, storableText } from '../db/storable-text.js';
import { openStateFile, stateFileError } from '../db/sqlite-file.js';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import * as copyDrafts from './copy-sqlite.js';
import { forgetSqlite, purgeSqlite, type PurgeCounts } from './retention.js';
import { GroupCommit } from './group-commit.js';
import type { CopyApproval, CopyDraftRecord, CopyDraftStatus, DeskmateStore, Escalation, EscalationInput, EscalationSaveResult, EscalationState, FeedbackKind, QuestionInput, QuestionStatus, StoredQuestion, Turn } from './types.js';

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
    const db = openStateFile(dataDir, 'Deskmate database');
    try {
      migrate(db);
      return new SqliteStore(db);
    } catch (err) {
      db.close();
      throw stateFileError(err, dataDir, 'Deskmate database');
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
    return qs.map((input) => {
      const q = storableFields(input);
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

  async setPlaceholder(id: number, placeholderTs: string): Promise<void> {
    this.db.prepare('UPDATE questions SET placeholder_ts = ? WHERE id = ?').run(storableText(placeholderTs), id);
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
    this.db.prepare('INSERT INTO turns (conversation, role, text, at) VALUES (?, ?, ?, ?)').run(storableText(conversation), turn.role, storableText(turn.text), turn.at);
  }

  async recentTurns(conversation: string, limit: number): Promise<Turn[]> {
    const rows = this.db.prepare('SELECT role, text, at FROM turns WHERE conversation = ? ORDER BY id DESC LIMIT ?').all(conversation, limit) as Row[];
    return rows.reverse().map((r) => ({ role: r.role as Turn['role'], text: String(r.text), at: Number(r.at) }));
  }

  async openEscalation(raw: EscalationInput): Promise<Escalation> {
    const input = storableFields(raw);
    const now = Date.now();
    const res = this.db
      .prepare("INSERT INTO escalations (question_id, channel, thread_ts, asker, question, topic, senior, reason, state, created_at, updated_at, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)")
      .run(input.questionId ?? null, input.channel, input.threadTs, input.asker, input.question, input.topic, input.senior, input.reason, now, now, now);
    return { ...input, id: Number(res.lastInsertRowid), state: 'open', createdAt: now, updatedAt: now, assignedAt: now, version: 0 };
  }

  async getEscalation(id: number): Promise<Escalation | undefined> {
    const row = this.db.prepare('SELECT * FROM escalations WHERE id = ?').get(id) as Row | undefined;
    return row ? toEscalation(row) : undefined;
  }

  async escalationForThread(channel: string, threadTs: string): Promise<Escalation | undefined> {
    const row = this.db.prepare('SELECT * FROM escalations WHERE channel = ? AND thread_ts = ? ORDER BY id DESC LIMIT 1').get(channel, threadTs) as Row | undefined;
    return row ? toEscalation(row) : undefined;
  }

  async saveEscalation(raw: Escalation): Promise<EscalationSaveResult> {
    const e = storableFields(raw);
    const now = Date.now();
    const set = ESCALATION_SAVE_COLUMNS.map((c) => `${c} = ?`).join(', ');
    const res = this.db.prepare(`UPDATE escalations SET ${set}, version = version + 1 WHERE id = ? AND version = ?`).run(...escalationSaveValues(e, now), e.id, e.version ?? 0);
    return escalationSaveResult(res.changes === 1, e, now, res.changes === 1 ? undefined : await this.getEscalation(e.id));
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

  async saveCopyDraft(d: CopyDraftRecord): Promise<boolean> {
    return copyDrafts.saveCopyDraft(this.db, d);
  }

  async getCopyDraft(id: string): Promise<CopyDraftRecord | undefined> {
    return copyDrafts.getCopyDraft(this.db, id);
  }

  async moveCopyDraft(id: string, from: CopyDraftStatus, to: CopyDraftStatus): Promise<boolean> {
    return copyDrafts.moveCopyDraft(this.db, id, from, to);
  }

  async recordCopyApproval(a: Omit<CopyApproval, 'id'>): Promise<CopyApproval | undefined> {
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
