import { sql, type Kysely } from 'kysely';
import { changed, compiledOnce, type DbHandle } from '../db/kysely.js';
import { storableFields, storableText } from '../db/storable-text.js';
import * as copyDrafts from './copy-queries.js';
import { GroupCommit } from './group-commit.js';
import { forgetAll, purgeOlderThan, type PurgeCounts } from './retention.js';
import { escalationSaveResult, toEscalation, toQuestion, type Row } from './rows.js';
import type { StoreTables } from './schema.js';
import type { CopyApproval, CopyDraftRecord, CopyDraftStatus, DeskmateStore, Escalation, EscalationInput, EscalationSaveResult, EscalationState, FeedbackKind, QuestionInput, QuestionStatus, StoredQuestion, Turn } from './types.js';

type Db = Kysely<StoreTables>;

/**
 * DeskmateStore in one query codebase for SQLite and PostgreSQL (Kysely). SqliteStore and
 * PostgresStore only open the database and migrate it. On SQLite, questions arriving together (a
 * burst of events) are stored in one transaction: one commit, not one each (group commit).
 */
export class KyselyStore implements DeskmateStore {
  private readonly db: Db;
  private readonly accepts?: GroupCommit<QuestionInput, StoredQuestion | undefined>;
  /** A burst of envelopes is stored in one transaction, like questions (see GroupCommit). */
  private inboxInsertSql?: string;
  private readonly inbox = new GroupCommit<{ eventId: string; body: string }, boolean>((events) => this.receiveAll(events));

  protected constructor(private readonly handle: DbHandle<StoreTables>) {
    this.db = handle.db;
    // PostgreSQL commits are cheap per connection and run in parallel; SQLite has one writer, so batch.
    if (handle.withRawSqlite) this.accepts = new GroupCommit(sqliteAcceptBatch(this.db, handle.withRawSqlite));
  }

  async acceptQuestion(q: QuestionInput): Promise<StoredQuestion | undefined> {
    if (this.accepts) return this.accepts.submit(q);
    const [stored] = await this.db.transaction().execute((trx) => insertQuestions(trx, [q]));
    return stored;
  }

  async markEventSeen(eventId: string): Promise<boolean> {
    const res = await this.db.insertInto('processed_events').values({ event_id: storableText(eventId), seen_at: Date.now() }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  receiveEvent(eventId: string, body: string): Promise<boolean> {
    return this.inbox.submit({ eventId, body });
  }

  private receiveAll(events: Array<{ eventId: string; body: string }>): Promise<boolean[]> {
    const now = Date.now();
    // SQLite: one prepared statement in one better-sqlite3 transaction (the ack waits on this commit).
    if (this.handle.withRawSqlite) {
      // Compiled once: this runs for every acked event.
      const insertSql = (this.inboxInsertSql ??= compiledOnce(this.db.insertInto('event_inbox').values({ event_id: '', body: '', received_at: 0 }).onConflict((oc) => oc.doNothing())));
      return this.handle.withRawSqlite((raw) => {
        const stmt = raw.prepare(insertSql);
        return raw.transaction(() => events.map((e) => stmt.run(storableText(e.eventId), e.body, now).changes > 0))();
      });
    }
    return this.db.transaction().execute(async (trx) => {
      const out: boolean[] = [];
      for (const e of events) {
        const res = await trx.insertInto('event_inbox').values({ event_id: storableText(e.eventId), body: e.body, received_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
        out.push(Number(res.numInsertedOrUpdatedRows ?? 0n) > 0);
      }
      return out;
    });
  }

  async settleEvent(eventId: string): Promise<void> {
    await this.db.updateTable('event_inbox').set({ body: null }).where('event_id', '=', storableText(eventId)).execute();
  }

  async unsettledEvents(receivedBefore: number): Promise<Array<{ eventId: string; body: string }>> {
    const rows = await this.db.selectFrom('event_inbox').select(['event_id', 'body']).where('body', 'is not', null).where('received_at', '<', receivedBefore).orderBy('received_at').execute();
    return rows.map((r) => ({ eventId: String(r.event_id), body: String(r.body) }));
  }

  async pendingQuestions(): Promise<StoredQuestion[]> {
    return (await this.db.selectFrom('questions').selectAll().where('status', '=', 'pending').orderBy('id').execute()).map((r) => toQuestion(r as Row));
  }

  async getQuestion(id: number): Promise<StoredQuestion | undefined> {
    const row = await this.db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toQuestion(row as Row) : undefined;
  }

  async finishQuestion(id: number, status: Exclude<QuestionStatus, 'pending'>, replyTs?: string): Promise<void> {
    await this.db
      .updateTable('questions')
      .set({ status, reply_ts: sql<string | null>`COALESCE(${replyTs ?? null}, reply_ts)` })
      .where('id', '=', id)
      .execute();
  }

  async setPlaceholder(id: number, placeholderTs: string): Promise<void> {
    await this.db.updateTable('questions').set({ placeholder_ts: storableText(placeholderTs) }).where('id', '=', id).execute();
  }

  async recentQuestions(user: string, limit: number): Promise<StoredQuestion[]> {
    return (await this.db.selectFrom('questions').selectAll().where('user_id', '=', user).orderBy('id', 'desc').limit(limit).execute()).map((r) => toQuestion(r as Row));
  }

  async markThread(channel: string, threadTs: string, kind: 'answered' | 'proactive'): Promise<void> {
    // An explicit answer outranks a proactive one: the thread then takes follow-ups.
    await this.db
      .insertInto('threads')
      .values({ channel, thread_ts: threadTs, kind })
      .onConflict((oc) => oc.columns(['channel', 'thread_ts']).doUpdateSet({ kind: sql<string>`CASE WHEN excluded.kind = 'answered' THEN 'answered' ELSE threads.kind END` }))
      .execute();
  }

  async threadKind(channel: string, threadTs: string): Promise<'answered' | 'proactive' | undefined> {
    const row = await this.db.selectFrom('threads').select('kind').where('channel', '=', channel).where('thread_ts', '=', threadTs).executeTakeFirst();
    return row ? (row.kind as 'answered' | 'proactive') : undefined;
  }

  async addTurn(conversation: string, turn: Turn): Promise<void> {
    await this.db.insertInto('turns').values({ conversation: storableText(conversation), role: turn.role, text: storableText(turn.text), at: turn.at }).execute();
  }

  async recentTurns(conversation: string, limit: number): Promise<Turn[]> {
    const rows = await this.db.selectFrom('turns').select(['role', 'text', 'at']).where('conversation', '=', conversation).orderBy('id', 'desc').limit(limit).execute();
    return rows.reverse().map((r) => ({ role: r.role as Turn['role'], text: String(r.text), at: Number(r.at) }));
  }

  async openEscalation(raw: EscalationInput): Promise<Escalation> {
    const input = storableFields(raw);
    const now = Date.now();
    const row = await this.db
      .insertInto('escalations')
      .values({ question_id: input.questionId ?? null, channel: input.channel, thread_ts: input.threadTs, asker: input.asker, question: input.question, topic: input.topic, senior: input.senior, reason: input.reason, state: 'open', created_at: now, updated_at: now, assigned_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...input, id: Number(row.id), state: 'open', createdAt: now, updatedAt: now, assignedAt: now, version: 0 };
  }

  async getEscalation(id: number): Promise<Escalation | undefined> {
    const row = await this.db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEscalation(row as Row) : undefined;
  }

  async escalationForThread(channel: string, threadTs: string): Promise<Escalation | undefined> {
    const row = await this.db.selectFrom('escalations').selectAll().where('channel', '=', channel).where('thread_ts', '=', threadTs).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row ? toEscalation(row as Row) : undefined;
  }

  /** One conditional UPDATE: of two replicas saving the same version, exactly one matches the row. */
  async saveEscalation(raw: Escalation): Promise<EscalationSaveResult> {
    const e = storableFields(raw);
    const now = Date.now();
    const res = await this.db
      .updateTable('escalations')
      .set({ senior: e.senior, state: e.state, claimed_by: e.claimedBy ?? null, resolved_by: e.resolvedBy ?? null, notice_ts: e.noticeTs ?? null, assigned_at: e.assignedAt ?? e.createdAt, reminded_at: e.remindedAt ?? null, notified_at: e.notifiedAt ?? null, updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', e.id)
      .where('version', '=', e.version ?? 0)
      .executeTakeFirst();
    const saved = changed(res) === 1;
    return escalationSaveResult(saved, e, now, saved ? undefined : await this.getEscalation(e.id));
  }

  async listEscalations(state?: EscalationState): Promise<Escalation[]> {
    let q = this.db.selectFrom('escalations').selectAll().orderBy('id');
    if (state) q = q.where('state', '=', state);
    return (await q.execute()).map((r) => toEscalation(r as Row));
  }

  /** One statement, so two replicas never hand out the same cursor. */
  async nextRotation(topic: string): Promise<number> {
    const row = await this.db
      .insertInto('rotations')
      .values({ topic, cursor: 1 })
      .onConflict((oc) => oc.column('topic').doUpdateSet({ cursor: sql<number>`rotations.cursor + 1` }))
      .returning(sql<number>`cursor - 1`.as('previous'))
      .executeTakeFirstOrThrow();
    return Number(row.previous);
  }

  async recordFeedback(questionId: number, user: string, kind: FeedbackKind): Promise<void> {
    await this.db.insertInto('feedback').values({ question_id: questionId, user_id: storableText(user), kind, at: Date.now() }).onConflict((oc) => oc.doNothing()).execute();
  }

  async feedbackFor(questionId: number): Promise<Array<{ user: string; kind: FeedbackKind }>> {
    const rows = await this.db.selectFrom('feedback').select(['user_id', 'kind']).where('question_id', '=', questionId).orderBy('at').execute();
    return rows.map((r) => ({ user: String(r.user_id), kind: r.kind as FeedbackKind }));
  }

  saveCopyDraft(d: CopyDraftRecord): Promise<boolean> {
    return copyDrafts.saveCopyDraft(this.db, d);
  }
  getCopyDraft(id: string): Promise<CopyDraftRecord | undefined> {
    return copyDrafts.getCopyDraft(this.db, id);
  }
  moveCopyDraft(id: string, from: CopyDraftStatus, to: CopyDraftStatus): Promise<boolean> {
    return copyDrafts.moveCopyDraft(this.db, id, from, to);
  }
  recordCopyApproval(a: Omit<CopyApproval, 'id'>): Promise<CopyApproval | undefined> {
    return copyDrafts.recordCopyApproval(this.db, a);
  }
  copyApprovals(draftId?: string): Promise<CopyApproval[]> {
    return copyDrafts.copyApprovals(this.db, draftId);
  }

  purgeOlderThan(cutoffMs: number): Promise<PurgeCounts> {
    return purgeOlderThan(this.db, this.handle.dialect, cutoffMs);
  }
  forgetWorkspace(_teamId: string): Promise<void> {
    return forgetAll(this.db);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The two statements that accept a question, written once for both databases. */
const seenEvent = (db: Db, eventId: string, now: number) => db.insertInto('processed_events').values({ event_id: eventId, seen_at: now }).onConflict((oc) => oc.doNothing());
const questionRow = (q: QuestionInput, now: number) => ({ kind: q.kind, channel: q.channel, user_id: q.user, text: q.text, message_ts: q.messageTs, thread_ts: q.threadTs ?? null, event_id: q.eventId ?? null, truncated: q.truncated ? 1 : 0, created_at: now });
const insertQuestion = (db: Db, q: QuestionInput, now: number) => db.insertInto('questions').values(questionRow(q, now)).onConflict((oc) => oc.columns(['channel', 'message_ts']).doNothing());
const newQuestion = (db: Db, q: QuestionInput, now: number) => insertQuestion(db, q, now).returning('id');

/** Event id first (a retry is a duplicate), then the question (the same message once); one result per input. */
async function insertQuestions(db: Db, qs: QuestionInput[]): Promise<Array<StoredQuestion | undefined>> {
  const now = Date.now();
  const out: Array<StoredQuestion | undefined> = [];
  for (const input of qs) {
    // A NUL byte in TEXT is error 22021 on PostgreSQL: the question would be acked and never stored.
    const q = storableFields(input);
    if (q.eventId && Number((await seenEvent(db, q.eventId, now).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n) === 0) {
      out.push(undefined);
      continue;
    }
    const row = await newQuestion(db, q, now).executeTakeFirst();
    out.push(row ? { ...q, id: Number(row.id), status: 'pending', createdAt: now } : undefined);
  }
  return out;
}

/**
 * SQLite's group commit: the same two statements, compiled once, run synchronously for the whole
 * burst in one transaction on the raw connection (under Kysely's lock), as fast as hand-written
 * better-sqlite3: building each query anew cost ~10× more per question on the ack path.
 */
function sqliteAcceptBatch(db: Db, withRaw: NonNullable<DbHandle<StoreTables>['withRawSqlite']>): (qs: QuestionInput[]) => Promise<Array<StoredQuestion | undefined>> {
  const sample: QuestionInput = { kind: 'mention', channel: '', user: '', text: '', messageTs: '' };
  const seenSql = compiledOnce(seenEvent(db, '', 0));
  // Without RETURNING: better-sqlite3 reports the new rowid and whether a row went in.
  const insertSql = compiledOnce(insertQuestion(db, sample, 0));
  let tx: ((qs: QuestionInput[]) => Array<StoredQuestion | undefined>) | undefined;
  return (qs) =>
    withRaw((raw) => {
      tx ??= raw.transaction((batch: QuestionInput[]) => {
        const now = Date.now();
        const seen = raw.prepare(seenSql);
        const insert = raw.prepare(insertSql);
        return batch.map((input) => {
          const q = storableFields(input);
          if (q.eventId && seen.run(q.eventId, now).changes === 0) return undefined;
          const res = insert.run(...Object.values(questionRow(q, now)));
          return res.changes === 1 ? { ...q, id: Number(res.lastInsertRowid), status: 'pending' as const, createdAt: now } : undefined;
        });
      });
      return tx(qs);
    });
}
