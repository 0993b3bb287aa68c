import type { Generated } from 'kysely';

/**
 * The store's tables as both databases hold them since migration 6 (src/store/migrations.ts for
 * SQLite, POSTGRES_MIGRATIONS for PostgreSQL): the same names and columns, so one query codebase
 * serves both. Times are epoch ms; PostgreSQL returns BIGINT as a string, so readers use Number().
 * Booleans are written as 1/0, which SQLite stores and PostgreSQL's BOOLEAN accepts.
 */
type Ms = number | string;
type Id = Generated<number | string>;

export interface StoreTables {
  processed_events: { event_id: string; seen_at: Ms };
  event_inbox: { event_id: string; body: string | null; received_at: Ms };
  questions: {
    id: Id;
    kind: string;
    channel: string;
    user_id: string;
    text: string;
    message_ts: string;
    thread_ts: string | null;
    event_id: string | null;
    truncated: Generated<number | boolean>;
    status: Generated<string>;
    reply_ts: string | null;
    placeholder_ts: string | null;
    created_at: Ms;
  };
  threads: { channel: string; thread_ts: string; kind: string };
  turns: { id: Id; conversation: string; role: string; text: string; at: Ms };
  escalations: {
    id: Id;
    question_id: number | string | null;
    channel: string;
    thread_ts: string;
    asker: string;
    question: string;
    topic: string;
    senior: string;
    reason: string;
    state: string;
    claimed_by: string | null;
    resolved_by: string | null;
    notice_ts: string | null;
    created_at: Ms;
    updated_at: Ms;
    assigned_at: Ms | null;
    reminded_at: Ms | null;
    notified_at: Ms | null;
    version: Generated<number>;
  };
  rotations: { topic: string; cursor: number };
  feedback: { question_id: number | string; user_id: string; kind: string; at: Ms };
  copy_drafts: { id: string; user_id: string; channel: string; messages: string; draft: string; status: string; created_at: Ms; updated_at: Ms };
  copy_approvals: { id: Id; draft_id: string; approver: string; channel: string; message_ts: string | null; final_text: string; approved_at: Ms };
}
