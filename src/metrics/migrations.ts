/** The metric_events schema is step metrics-1 of src/db/schema-steps.ts; this is its column order for inserts. */
export const EVENT_COLUMNS = ['at', 'type', 'ref', 'actor', 'senior', 'channel', 'channel_kind', 'intent', 'confidence', 'topic', 'reason', 'feedback', 'is_question', 'mode', 'text'] as const;
