import type { WebClient } from '@slack/web-api';
import { shouldInterruptNow } from '../escalation/hours.js';
import { isUserGroup, mentionOf, pickRoundRobin, routeTopic } from '../escalation/routing.js';
import type { Escalation } from '../store/types.js';
import type { Logger } from '../log.js';
import { escalationNotice, seniorDigestMessage, seniorDirectMessage } from './blocks/escalation.js';
import type { SlackDeps } from './deps.js';
import { recordEscalated } from './metrics-hooks.js';

export interface EscalationRequest {
  questionId?: number;
  channel: string;
  threadTs: string;
  asker: string;
  question: string;
  reason: string;
  urgent?: boolean;
}

/**
 * Hands a question to a senior: route by topic, pick round-robin, persist the record, tag the senior
 * in the thread (telling the asker who was asked) and DM them a link — unless it is outside their
 * working hours or they are in do-not-disturb, when the DM waits and the thread says so.
 */
export async function escalateQuestion(deps: SlackDeps, client: WebClient, req: EscalationRequest, log: Logger): Promise<Escalation | undefined> {
  const existing = await deps.store.escalationForThread(req.channel, req.threadTs);
  if (existing && existing.state !== 'resolved') {
    await client.chat.postMessage({ channel: req.channel, thread_ts: req.threadTs, text: `This thread is already with ${mentionOf(existing.claimedBy ?? existing.senior)}.` });
    return existing;
  }
  const route = routeTopic(req.question, deps.config.topics, deps.config.seniors);
  const senior = pickRoundRobin(route.pool, await deps.store.nextRotation(route.topic), [req.asker]);
  if (!senior) {
    log.warn({ topic: route.topic }, 'escalation wanted but no seniors are configured');
    await client.chat.postMessage({ channel: req.channel, thread_ts: req.threadTs, text: 'This needs a senior, but none is configured yet (an admin can set DESKMATE_SENIORS).' });
    return undefined;
  }
  let escalation = await deps.store.openEscalation({ questionId: req.questionId, channel: req.channel, threadTs: req.threadTs, asker: req.asker, question: req.question, topic: route.topic, senior, reason: req.reason });
  const interrupt = isUserGroup(senior) || (await interruptNow(deps, client, senior, req.urgent, log));
  // Outside the senior's hours it waits for their digest; the notice says so and offers "It's urgent".
  escalation = { ...escalation, notifiedAt: interrupt ? deps.now().getTime() : undefined };
  const posted = await client.chat.postMessage({ channel: req.channel, thread_ts: req.threadTs, ...escalationNotice(escalation) });
  escalation = { ...escalation, noticeTs: posted.ts };
  const saved = await deps.store.saveEscalation(escalation);
  if (saved.ok) escalation = saved.escalation;
  else if (saved.current) {
    // A sweep on another replica saved it first: add the notice ts to what it saved, not over it.
    const again = await deps.store.saveEscalation({ ...saved.current, noticeTs: posted.ts });
    escalation = again.ok ? again.escalation : (again.current ?? saved.current);
  }
  log.info({ escalationId: escalation.id, topic: route.topic, senior, interrupt }, 'escalation opened');
  await recordEscalated(deps, escalation);
  if (interrupt && !isUserGroup(senior)) await directMessageSenior(client, escalation, log);
  return escalation;
}

/** Whether this senior may be pinged now: working hours, Slack do-not-disturb, or urgent. */
export async function interruptNow(deps: SlackDeps, client: WebClient, senior: string, urgent: boolean | undefined, log: Logger): Promise<boolean> {
  let dndActive = false;
  try {
    const dnd = (await client.dnd.info({ user: senior })) as { snooze_enabled?: boolean; dnd_enabled?: boolean; next_dnd_start_ts?: number; next_dnd_end_ts?: number };
    const nowSec = deps.now().getTime() / 1000;
    const inScheduled = Boolean(dnd.dnd_enabled && dnd.next_dnd_start_ts && dnd.next_dnd_end_ts && nowSec >= dnd.next_dnd_start_ts && nowSec < dnd.next_dnd_end_ts);
    dndActive = Boolean(dnd.snooze_enabled) || inScheduled;
  } catch (err) {
    // Without dnd:read (or on a Slack hiccup) we fall back to working hours alone.
    log.debug({ err: (err as Error).message }, 'dnd.info unavailable');
  }
  return shouldInterruptNow({ now: deps.now(), hours: deps.config.escalation.workingHours[senior], dndActive, urgent });
}

async function threadLink(client: WebClient, e: Escalation, log: Logger): Promise<string> {
  try {
    const res = await client.chat.getPermalink({ channel: e.channel, message_ts: e.threadTs });
    if (res.permalink) return res.permalink;
  } catch (err) {
    log.debug({ err: (err as Error).message }, 'chat.getPermalink failed; sending the thread ts instead');
  }
  return `thread ${e.threadTs} in <#${e.channel}>`;
}

export async function directMessageSenior(client: WebClient, e: Escalation, log: Logger): Promise<void> {
  const link = await threadLink(client, e, log);
  try {
    await client.chat.postMessage({ channel: e.senior, ...seniorDirectMessage(e, link) });
  } catch (err) {
    log.warn({ escalationId: e.id, err: (err as Error).message }, 'could not DM the senior; the thread tag still reaches them');
  }
}

/** Everything that waited for one senior, in one DM (a single question gets the usual DM). */
export async function sendSeniorDigest(client: WebClient, senior: string, waiting: Escalation[], log: Logger): Promise<void> {
  if (waiting.length === 1) return directMessageSenior(client, waiting[0], log);
  const items = [];
  for (const escalation of waiting) items.push({ escalation, link: await threadLink(client, escalation, log) });
  try {
    await client.chat.postMessage({ channel: senior, ...seniorDigestMessage(items) });
  } catch (err) {
    log.warn({ senior, count: waiting.length, err: (err as Error).message }, 'could not DM the digest; the thread tags still reach the senior');
  }
}
