import type { Escalation, EscalationSaveResult, EscalationState, QuestionStatus, StoredQuestion } from './types.js';

/** Row → record mapping, the same for both databases (PostgreSQL returns BIGINT as strings, SQLite booleans as 0/1). */
export type Row = Record<string, unknown>;

const opt = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const optNumber = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

export function toQuestion(r: Row): StoredQuestion {
  return {
    id: Number(r.id),
    kind: r.kind as StoredQuestion['kind'],
    channel: String(r.channel),
    // PostgreSQL reserves `user`, so its column is user_id.
    user: String(r.user ?? r.user_id),
    text: String(r.text),
    messageTs: String(r.message_ts),
    threadTs: opt(r.thread_ts),
    eventId: opt(r.event_id),
    // SQLite stores booleans as 0/1.
    truncated: r.truncated === true || Number(r.truncated) === 1,
    status: r.status as QuestionStatus,
    replyTs: opt(r.reply_ts),
    placeholderTs: opt(r.placeholder_ts),
    createdAt: Number(r.created_at),
  };
}

export function toEscalation(r: Row): Escalation {
  return {
    id: Number(r.id),
    questionId: r.question_id === null ? undefined : Number(r.question_id),
    channel: String(r.channel),
    threadTs: String(r.thread_ts),
    asker: String(r.asker),
    question: String(r.question),
    topic: String(r.topic),
    senior: String(r.senior),
    reason: String(r.reason),
    state: r.state as EscalationState,
    claimedBy: opt(r.claimed_by),
    resolvedBy: opt(r.resolved_by),
    noticeTs: opt(r.notice_ts),
    assignedAt: Number(r.assigned_at ?? r.created_at),
    remindedAt: optNumber(r.reminded_at),
    notifiedAt: optNumber(r.notified_at),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    version: Number(r.version ?? 0),
  };
}

/** What a save reports: the escalation as stored (next version), or the loser's view of the winner. */
export function escalationSaveResult(saved: boolean, e: Escalation, now: number, current: Escalation | undefined): EscalationSaveResult {
  if (saved) return { ok: true, escalation: { ...e, updatedAt: now, version: (e.version ?? 0) + 1 } };
  return { ok: false, reason: current ? 'conflict' : 'missing', current };
}
