/**
 * Metric events: one row per thing that happened, correlated by `ref` (the Slack thread key,
 * `channel:threadTs`). Reports are pure functions of these rows, so every figure can be recomputed.
 */

type MetricEventType =
  | 'question_asked'
  | 'answered'
  | 'escalated'
  | 'escalation_claimed'
  | 'escalation_resolved'
  | 'feedback'
  | 'senior_ping'
  | 'senior_replied';

export type ChannelKind = 'channel' | 'dm';
export type MetricFeedback = 'helpful' | 'not_helpful' | 'solved' | 'still_need_human' | 'ask_senior';
export type DeskmateMode = 'active' | 'observe';

export interface MetricEvent {
  type: MetricEventType;
  /** Epoch milliseconds. */
  at: number;
  /** Thread key `channel:threadTs` shared by a question, its answers, escalation and feedback. */
  ref: string;
  /** Who acted: the asker, the pinging user, the feedback giver, the answering person ('bot' for Deskmate). */
  actor: string;
  /** The senior concerned: pinged, escalated to, claiming, resolving, replying. */
  senior?: string;
  channel?: string;
  channelKind?: ChannelKind;
  intent?: string;
  confidence?: number;
  topic?: string;
  /** Escalation reason. */
  reason?: string;
  feedback?: MetricFeedback;
  /** For senior pings: whether the message was a question. */
  isQuestion?: boolean;
  /** Mode Deskmate ran in when the event happened; observe-mode pings form the baseline. */
  mode: DeskmateMode;
  /** Question text, channels only, sanitized by the caller: kept for knowledge-gap examples. */
  text?: string;
}

/** Observe-mode pings, aggregated in the database so a report never loads the whole history. */
export interface BaselineAggregate {
  pings: number;
  firstAt?: number;
  lastAt?: number;
  perSenior: Record<string, number>;
}

export interface MetricsStore {
  record(event: MetricEvent): Promise<void>;
  /** Bulk insert in one transaction (imports and the benchmark). */
  recordMany(events: MetricEvent[]): Promise<void>;
  /** Events with from <= at < to, oldest first. */
  eventsBetween(from: number, to: number): Promise<MetricEvent[]>;
  baseline(): Promise<BaselineAggregate>;
  close(): Promise<void>;
}
