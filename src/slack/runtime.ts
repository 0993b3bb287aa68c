import type { WebClient } from '@slack/web-api';
import { childLogger } from '../log.js';
import type { QuestionKind } from '../store/types.js';
import { sanitize } from '../security/sanitize/index.js';
import type { AnswerQueue } from './answer-queue.js';
import type { InstallationIdentity } from './installation-identity.js';
import type { Roles, SlackDeps } from './deps.js';
import { answersNothing } from './metrics-hooks.js';
import { MAX_QUESTION_CHARS, stripMentions, truncate } from './text.js';

/** What every listener gets: the dependencies, the roles, and the answer queue. */
export interface SlackRuntime {
  deps: SlackDeps;
  roles: Roles;
  queue: AnswerQueue;
  client: WebClient;
  /** Who the app is installed as (auth.test at start-up): the team check compares against this, never the request. */
  installation: InstallationIdentity;
}

export interface IncomingQuestion {
  kind: QuestionKind;
  channel: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
  eventId?: string;
}

export const USAGE_HINT =
  'Ask me a what/how question about the docs, e.g. `@Deskmate how do I list shipments?`. I answer in the thread with sources; why-questions go to a senior. `/deskmate help` lists commands.';

const log = childLogger('slack.intake');

/**
 * Called on the request path, before the ack: sanitize, cap the size, persist (deduped by event id
 * and message), then hand to the queue without waiting. Returns what happened, for the caller's log.
 */
export async function acceptQuestion(rt: SlackRuntime, q: IncomingQuestion): Promise<'queued' | 'duplicate' | 'stored' | 'observed'> {
  // Observe mode (the baseline): nothing is stored to answer, so nothing is ever answered.
  if (answersNothing(rt.deps.config)) return 'observed';
  const plain = stripMentions(q.text);
  const truncated = plain.length > MAX_QUESTION_CHARS;
  const { text, redactions } = await sanitize(truncate(plain, MAX_QUESTION_CHARS));
  const stored = await rt.deps.store.acceptQuestion({ kind: q.kind, channel: q.channel, user: q.user, text, messageTs: q.ts, threadTs: q.threadTs, eventId: q.eventId, truncated });
  if (!stored) {
    log.info({ eventId: q.eventId, kind: q.kind, channel: q.channel }, 'duplicate delivery ignored');
    return 'duplicate';
  }
  log.info({ eventId: q.eventId, questionId: stored.id, kind: q.kind, channel: q.channel, chars: plain.length, redactions: redactions.length }, 'question accepted');
  return rt.queue.push(stored) ? 'queued' : 'stored';
}

/** Fire-and-forget Slack call off the request path; failures are logged, never thrown into Bolt. */
export function background(what: string, ids: Record<string, unknown>, work: () => Promise<unknown>): void {
  void work().catch((err) => log.warn({ ...ids, err: (err as Error).message }, `${what} failed`));
}
