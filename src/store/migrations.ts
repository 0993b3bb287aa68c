/**
 * Versioned schema. Each step runs once, in order, inside a transaction; `user_version` holds the
 * last applied step. Append new steps; never edit an applied one.
 */
export const MIGRATIONS: string[] = [
  `CREATE TABLE processed_events (event_id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);
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
  // 2: unclaimed escalations remind once, then move on; timing counts from the current assignment.
  `ALTER TABLE escalations ADD COLUMN assigned_at INTEGER;
   UPDATE escalations SET assigned_at = created_at;
   ALTER TABLE escalations ADD COLUMN reminded_at INTEGER;`,
  // 3: escalations raised outside a senior's hours wait; notified_at says when the senior was told.
  `ALTER TABLE escalations ADD COLUMN notified_at INTEGER;
   UPDATE escalations SET notified_at = assigned_at;`,
  // 4: /copy drafts wait for their requester (buttons work after a restart); approvals are the audit trail.
  `CREATE TABLE copy_drafts (id TEXT PRIMARY KEY, user TEXT NOT NULL, channel TEXT NOT NULL, messages TEXT NOT NULL, draft TEXT NOT NULL,
     status TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
   CREATE TABLE copy_approvals (id INTEGER PRIMARY KEY AUTOINCREMENT, draft_id TEXT NOT NULL REFERENCES copy_drafts (id), approver TEXT NOT NULL,
     channel TEXT NOT NULL, message_ts TEXT, final_text TEXT NOT NULL, approved_at INTEGER NOT NULL);
   CREATE INDEX copy_approvals_draft ON copy_approvals (draft_id);`,
  // 5: the Events API front stores each envelope before its 200; body is cleared once handled.
  `CREATE TABLE event_inbox (event_id TEXT PRIMARY KEY, body TEXT, received_at INTEGER NOT NULL);
   CREATE INDEX event_inbox_unsettled ON event_inbox (received_at) WHERE body IS NOT NULL;`,
];
