import type { Config } from '../config.js';
import { routeTopic } from '../escalation/routing.js';
import { rosterFromConfig, threadRef, type Roster } from '../metrics/pings.js';
import type { MetricFeedback } from '../metrics/types.js';
import type { Escalation, StoredQuestion } from '../store/types.js';
import type { SlackDeps } from './deps.js';

/**
 * The Slack side of the metrics: one call per thing that happened, keyed by the thread
 * (`threadRef(channel, threadTs ?? ts)`), so a question, its answer, escalation, feedback and the
 * senior pings in the same thread meet in the report. Every hook is a no-op without a recorder
 * (tests and deployments that do not count), and the recorder itself never throws.
 */

/** Observe mode measures the baseline: Deskmate answers nothing, it only counts. */
export function answersNothing(config: Pick<Config, 'mode'>): boolean {
  return config.mode === 'observe';
}

function questionRef(q: Pick<StoredQuestion, 'channel' | 'threadTs' | 'messageTs'>): string {
  return threadRef(q.channel, q.threadTs ?? q.messageTs);
}

/**
 * After intent and retrieval: topic as escalation routing would pick it; the stored text is already
 * sanitized. Dated when the question arrived, so time to first answer includes the retrieval.
 */
export async function recordQuestion(deps: SlackDeps, q: StoredQuestion, result: { intent?: string; confidence?: number }): Promise<void> {
  if (!deps.metrics) return;
  const topic = routeTopic(q.text, deps.config.topics, deps.config.seniors).topic;
  await deps.metrics.questionAsked({ ref: questionRef(q), user: q.user, channel: q.channel, channelKind: q.kind === 'dm' ? 'dm' : 'channel', intent: result.intent, confidence: result.confidence, topic, text: q.text, at: q.createdAt });
}

export async function recordBotAnswer(deps: SlackDeps, q: StoredQuestion): Promise<void> {
  await deps.metrics?.answered(questionRef(q), 'bot');
}

export async function recordEscalated(deps: SlackDeps, e: Escalation): Promise<void> {
  await deps.metrics?.escalated(threadRef(e.channel, e.threadTs), e.senior, e.reason);
}

/** A claim or a resolve that went through; anything else is not an event the report counts. */
export async function recordEscalationChange(deps: SlackDeps, e: Escalation): Promise<void> {
  const ref = threadRef(e.channel, e.threadTs);
  if (e.state === 'claimed') await deps.metrics?.escalationClaimed(ref, e.claimedBy ?? e.senior);
  else if (e.state === 'resolved') await deps.metrics?.escalationResolved(ref, e.resolvedBy ?? e.claimedBy ?? e.senior);
}

export async function recordFeedback(deps: SlackDeps, q: StoredQuestion, user: string, kind: MetricFeedback): Promise<void> {
  await deps.metrics?.feedback(questionRef(q), user, kind);
}

// The roster is config-derived and config does not change while running: build it once per config.
const rosters = new WeakMap<Config, Roster>();

/** A human message in a channel Deskmate is in: senior pings and senior thread replies (no text stored). */
export async function observeChannelMessage(deps: SlackDeps, m: { channel: string; ts: string; thread_ts?: string; user: string; text?: string }): Promise<void> {
  if (!deps.metrics) return;
  let roster = rosters.get(deps.config);
  if (!roster) rosters.set(deps.config, (roster = rosterFromConfig(deps.config)));
  await deps.metrics.observeChannelMessage({ channel: m.channel, ts: m.ts, threadTs: m.thread_ts, user: m.user, text: m.text ?? '' }, roster);
}
