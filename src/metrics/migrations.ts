/**
 * Versioned schema of the metric events, tracked in its own `metrics_migrations` table so it can
 * share a database with the Slack store without touching that store's versioning. One list per
 * dialect, step for step the same schema; append steps, never edit an applied one.
 */
export const SQLITE_METRICS_MIGRATIONS: string[] = [
  `CREATE TABLE metric_events (
     id INTEGER PRIMARY KEY, at INTEGER NOT NULL, type TEXT NOT NULL, ref TEXT NOT NULL, actor TEXT NOT NULL,
     senior TEXT, channel TEXT, channel_kind TEXT, intent TEXT, confidence REAL, topic TEXT, reason TEXT,
     feedback TEXT, is_question INTEGER, mode TEXT NOT NULL, text TEXT);
   CREATE INDEX metric_events_at ON metric_events (at);
   CREATE INDEX metric_events_baseline ON metric_events (type, mode, senior, at);`,
];

export const POSTGRES_METRICS_MIGRATIONS: string[] = [
  `CREATE TABLE metric_events (
     id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, type TEXT NOT NULL, ref TEXT NOT NULL, actor TEXT NOT NULL,
     senior TEXT, channel TEXT, channel_kind TEXT, intent TEXT, confidence DOUBLE PRECISION, topic TEXT, reason TEXT,
     feedback TEXT, is_question BOOLEAN, mode TEXT NOT NULL, text TEXT);
   CREATE INDEX metric_events_at ON metric_events (at);
   CREATE INDEX metric_events_baseline ON metric_events (type, mode, senior, at);`,
];

/** Column order shared by both implementations' inserts and reads. */
export const EVENT_COLUMNS = ['at', 'type', 'ref', 'actor', 'senior', 'channel', 'channel_kind', 'intent', 'confidence', 'topic', 'reason', 'feedback', 'is_question', 'mode', 'text'] as const;
