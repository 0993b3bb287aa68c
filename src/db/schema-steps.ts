/**
 * Deskmate's whole schema as ONE ordered list of steps, each written for both databases. Every step
 * runs once, in order, inside the migration transaction; `deskmate_schema` records the ids applied
 * (src/db/migrate.ts). Append steps; never edit or reorder an applied one. The ids keep their old
 * per-area numbers so databases versioned by the three former mechanisms are adopted, not reset.
 */
export interface SchemaStep {
  /** `<area>-<n>`: n is the step's number in that area's former version counter. */
  id: string;
  sqlite: string;
  postgres: string;
}

export const SCHEMA_STEPS: SchemaStep[] = [
  // store 1: the state Deskmate's Slack side keeps (dedupe, questions, threads, DM turns, escalations, rotations, feedback).
  {
    id: 'store-1',
    sqlite: `CREATE TABLE processed_events (event_id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);
   CREATE TABLE questions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL, channel TEXT NOT NULL, user TEXT NOT NULL, text TEXT NOT NULL,
     message_ts TEXT NOT NULL, thread_ts TEXT, event_id TEXT, truncated INTEGER NOT NULL DEFAULT 0,
     status TEXT NOT NULL DEFAULT 'pending', reply_ts TEXT, created_at INTEGER NOT NULL,
     UNIQUE (channel, message_ts));
   CREATE INDEX questions_status ON questions (status);
   CREATE INDEX questions_user ON questions (user, created_at);
   CREATE TABLE threads (channel TEXT NOT NULL, thread_ts TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (channel, thread_ts));
   CREATE TABLE turns (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation TEXT NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX turns_conversation ON turns (conversation, id);
   CREATE TABLE escalations (
     id INTEGER PRIMARY KEY AUTOINCREMENT, question_id INTEGER, channel TEXT NOT NULL, thread_ts TEXT NOT NULL,
     asker TEXT NOT NULL, question TEXT NOT NULL, topic TEXT NOT NULL, senior TEXT NOT NULL, reason TEXT NOT NULL,
     state TEXT NOT NULL, claimed_by TEXT, resolved_by TEXT, notice_ts TEXT,
     created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
   CREATE INDEX escalations_thread ON escalations (channel, thread_ts);
   CREATE TABLE rotations (topic TEXT PRIMARY KEY, cursor INTEGER NOT NULL);
   CREATE TABLE feedback (question_id INTEGER NOT NULL, user TEXT NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL,
     PRIMARY KEY (question_id, user, kind));`,
    postgres: `CREATE TABLE processed_events (event_id TEXT PRIMARY KEY, seen_at BIGINT NOT NULL);
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
  },
  // store 2: unclaimed escalations remind once, then move on; timing counts from the current assignment.
  {
    id: 'store-2',
    sqlite: `ALTER TABLE escalations ADD COLUMN assigned_at INTEGER;
   UPDATE escalations SET assigned_at = created_at;
   ALTER TABLE escalations ADD COLUMN reminded_at INTEGER;`,
    postgres: `ALTER TABLE escalations ADD COLUMN assigned_at BIGINT;
   UPDATE escalations SET assigned_at = created_at;
   ALTER TABLE escalations ADD COLUMN reminded_at BIGINT;`,
  },
  // store 3: escalations raised outside a senior's hours wait; notified_at says when the senior was told.
  {
    id: 'store-3',
    sqlite: `ALTER TABLE escalations ADD COLUMN notified_at INTEGER;
   UPDATE escalations SET notified_at = assigned_at;`,
    postgres: `ALTER TABLE escalations ADD COLUMN notified_at BIGINT;
   UPDATE escalations SET notified_at = assigned_at;`,
  },
  // store 4: /copy drafts wait for their requester (buttons work after a restart); approvals are the audit trail.
  {
    id: 'store-4',
    sqlite: `CREATE TABLE copy_drafts (id TEXT PRIMARY KEY, user TEXT NOT NULL, channel TEXT NOT NULL, messages TEXT NOT NULL, draft TEXT NOT NULL,
     status TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
   CREATE TABLE copy_approvals (id INTEGER PRIMARY KEY AUTOINCREMENT, draft_id TEXT NOT NULL REFERENCES copy_drafts (id), approver TEXT NOT NULL,
     channel TEXT NOT NULL, message_ts TEXT, final_text TEXT NOT NULL, approved_at INTEGER NOT NULL);
   CREATE INDEX copy_approvals_draft ON copy_approvals (draft_id);`,
    postgres: `CREATE TABLE copy_drafts (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, channel TEXT NOT NULL, messages TEXT NOT NULL, draft TEXT NOT NULL,
     status TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
   CREATE TABLE copy_approvals (id BIGSERIAL PRIMARY KEY, draft_id TEXT NOT NULL REFERENCES copy_drafts (id), approver TEXT NOT NULL,
     channel TEXT NOT NULL, message_ts TEXT, final_text TEXT NOT NULL, approved_at BIGINT NOT NULL);
   CREATE INDEX copy_approvals_draft ON copy_approvals (draft_id);`,
  },
  // store 5: escalations carry a version (compare-and-set between replicas); a question keeps its placeholder's ts.
  {
    id: 'store-5',
    sqlite: `ALTER TABLE escalations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE questions ADD COLUMN placeholder_ts TEXT;`,
    postgres: `ALTER TABLE escalations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE questions ADD COLUMN placeholder_ts TEXT;`,
  },
  // store 6: one column name on both databases (PostgreSQL reserves `user`), so one query codebase serves both.
  {
    id: 'store-6',
    sqlite: `ALTER TABLE questions RENAME COLUMN user TO user_id;
   ALTER TABLE feedback RENAME COLUMN user TO user_id;
   ALTER TABLE copy_drafts RENAME COLUMN user TO user_id;`,
    postgres: `SELECT 1;`,
  },
  // store 7: the Events API front stores each envelope before its 200; the body is cleared once handled.
  {
    id: 'store-7',
    sqlite: `CREATE TABLE event_inbox (event_id TEXT PRIMARY KEY, body TEXT, received_at INTEGER NOT NULL);
   CREATE INDEX event_inbox_unsettled ON event_inbox (received_at) WHERE body IS NOT NULL;`,
    postgres: `CREATE TABLE event_inbox (event_id TEXT PRIMARY KEY, body TEXT, received_at BIGINT NOT NULL);
   CREATE INDEX event_inbox_unsettled ON event_inbox (received_at) WHERE body IS NOT NULL;`,
  },
  // metrics 1: interruption metric events.
  {
    id: 'metrics-1',
    sqlite: `CREATE TABLE metric_events (
     id INTEGER PRIMARY KEY, at INTEGER NOT NULL, type TEXT NOT NULL, ref TEXT NOT NULL, actor TEXT NOT NULL,
     senior TEXT, channel TEXT, channel_kind TEXT, intent TEXT, confidence REAL, topic TEXT, reason TEXT,
     feedback TEXT, is_question INTEGER, mode TEXT NOT NULL, text TEXT);
   CREATE INDEX metric_events_at ON metric_events (at);
   CREATE INDEX metric_events_baseline ON metric_events (type, mode, senior, at);`,
    postgres: `CREATE TABLE metric_events (
     id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, type TEXT NOT NULL, ref TEXT NOT NULL, actor TEXT NOT NULL,
     senior TEXT, channel TEXT, channel_kind TEXT, intent TEXT, confidence DOUBLE PRECISION, topic TEXT, reason TEXT,
     feedback TEXT, is_question BOOLEAN, mode TEXT NOT NULL, text TEXT);
   CREATE INDEX metric_events_at ON metric_events (at);
   CREATE INDEX metric_events_baseline ON metric_events (type, mode, senior, at);`,
  },
  // usage 1: LLM calls per task, user and model (rate limits and spending caps survive restarts).
  {
    id: 'usage-1',
    sqlite: `CREATE TABLE llm_usage (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, task TEXT NOT NULL, user TEXT NOT NULL, model TEXT NOT NULL,
               input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, usd REAL NOT NULL, priced INTEGER NOT NULL);
             CREATE INDEX llm_usage_user ON llm_usage (user, at);
             CREATE INDEX llm_usage_task ON llm_usage (task, at);`,
    postgres: `CREATE TABLE llm_usage (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, task TEXT NOT NULL, user_id TEXT NOT NULL, model TEXT NOT NULL,
               input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, usd DOUBLE PRECISION NOT NULL, priced BOOLEAN NOT NULL);
             CREATE INDEX llm_usage_user ON llm_usage (user_id, at);
             CREATE INDEX llm_usage_task ON llm_usage (task, at);`,
  },
  // usage 2: one column name on both databases (PostgreSQL reserves `user`).
  { id: 'usage-2', sqlite: 'ALTER TABLE llm_usage RENAME COLUMN user TO user_id;', postgres: 'SELECT 1;' },
];
