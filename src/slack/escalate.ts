import type { WebClient } from '@slack/web-api';
import { shouldInterruptNow } from '../escalation/hours.js';
import { isUserGroup, mentionOf, pickRoundRobin, routeTopic } from '../escalation/routing.js';
import type { Escalation } from '../store/types.js';
import type { Logger } from '../log.js';
import { escalationNotice, seniorDirectMessage } from './blocks/escalation.js';
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
  const note = interrupt ? undefined : `${mentionOf(senior)} is outside working hours or in do-not-disturb; they will see this when they are back.`;
  const notice = escalationNotice(escalation, note);
  const posted = await client.chat.postMessage({ channel: req.channel, thread_ts: req.threadTs, ...notice });
  escalation = { ...escalation, noticeTs: posted.ts, notifiedAt: interrupt ? deps.now().getTime() : undefined };
  await deps.store.saveEscalation(escalation);
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

export async function directMessageSenior(client: WebClient, e: Escalation, log: Logger): Promise<void> {
  let link = `thread ${e.threadTs} in <#${e.channel}>`;
  try {
    const res = await client.chat.getPermalink({ channel: e.channel, message_ts: e.threadTs });
    if (res.permalink) link = res.permalink;
  } catch (err) {
    log.debug({ err: (err as Error).message }, 'chat.getPermalink failed; sending the thread ts instead');
  }
  try {
    await client.chat.postMessage({ channel: e.senior, ...seniorDirectMessage(e, link) });
  } catch (err) {
    log.warn({ escalationId: e.id, err: (err as Error).message }, 'could not DM the senior; the thread tag still reaches them');
  }
}
