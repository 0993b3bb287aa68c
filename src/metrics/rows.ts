import { storableValues } from '../db/storable-text.js';
import type { MetricEvent } from './types.js';

type Row = Record<string, unknown>;
type Value = string | number | boolean | null;

/** An event as column values in EVENT_COLUMNS order (whole milliseconds, storable text). DM text is dropped here too: it never reaches a disk. */
export function eventValues(e: MetricEvent): Value[] {
  return storableValues([Math.round(e.at), e.type, e.ref, e.actor, e.senior ?? null, e.channel ?? null, e.channelKind ?? null, e.intent ?? null, e.confidence ?? null, e.topic ?? null, e.reason ?? null, e.feedback ?? null, e.isQuestion ?? null, e.mode, e.channelKind === 'dm' ? null : (e.text ?? null)]);
}

const opt = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

/** A row from either database: PostgreSQL returns BIGINT as a string and booleans as booleans, SQLite 0/1. */
export function eventFromRow(r: Row): MetricEvent {
  const event: MetricEvent = { type: r.type as MetricEvent['type'], at: Number(r.at), ref: String(r.ref), actor: String(r.actor), mode: r.mode as MetricEvent['mode'] };
  const senior = opt(r.senior);
  if (senior !== undefined) event.senior = senior;
  const channel = opt(r.channel);
  if (channel !== undefined) event.channel = channel;
  if (r.channel_kind != null) event.channelKind = r.channel_kind as MetricEvent['channelKind'];
  const intent = opt(r.intent);
  if (intent !== undefined) event.intent = intent;
  if (r.confidence != null) event.confidence = Number(r.confidence);
  const topic = opt(r.topic);
  if (topic !== undefined) event.topic = topic;
  const reason = opt(r.reason);
  if (reason !== undefined) event.reason = reason;
  if (r.feedback != null) event.feedback = r.feedback as MetricEvent['feedback'];
  if (r.is_question != null) event.isQuestion = r.is_question === true || Number(r.is_question) === 1;
  const text = opt(r.text);
  if (text !== undefined) event.text = text;
  return event;
}
