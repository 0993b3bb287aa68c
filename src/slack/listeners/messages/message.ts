import type { App } from '@slack/bolt';
import { isFollowUpQuestion, looksLikeQuestion } from '../../../knowledge/intent/intent.js';
import { changeEscalation } from '../../escalation-update.js';
import { isExternalAsker } from '../../enterprise.js';
import { accessVerdict } from '../../guards.js';
import { observeChannelMessage } from '../../metrics-hooks.js';
import { acceptQuestion, background, type SlackRuntime } from '../../runtime.js';
import { messageTextOf } from '../../rich-text.js';
import { asksWhy, mentionsUser, stripMentions } from '../../text.js';

interface MessageEvent {
  type: 'message';
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  blocks?: unknown;
}

/**
 * Plain messages: DMs (tutoring), follow-ups in threads Deskmate answers, a claimer's reply that
 * resolves an escalation, and proactive answers in opted-in channels. A thread reply also sent to
 * the channel (thread_broadcast) counts as a reply; bot messages, edits, deletions and other
 * subtypes are ignored (a file share in a DM is read, question included, by file-share.ts);
 * messages that mention Deskmate are left to app_mention.
 */
export function registerMessages(app: App, rt: SlackRuntime): void {
  app.event('message', async ({ event, body, context }) => {
    const e = event as unknown as MessageEvent;
    if ((e.subtype && e.subtype !== 'thread_broadcast') || e.bot_id || !e.user || e.user === rt.deps.botUserId) return;
    const eventId = (body as { event_id?: string }).event_id;
    const text = messageTextOf(e);
    const verdict = accessVerdict({ guest: false, external: await isExternalAsker(rt.client, body, e) }, rt.deps.config.access);
    if (!verdict.ok) {
      // Another organisation's user: a DM gets a polite no; channel messages get silence.
      if (e.channel_type === 'im' && stripMentions(text) && (!eventId || (await rt.deps.store.markEventSeen(eventId)))) {
        background('external refusal', { eventId }, () => rt.client.chat.postMessage({ channel: e.channel, thread_ts: e.thread_ts, text: verdict.reply }));
      }
      return;
    }
    if (e.channel_type === 'im') {
      if (!stripMentions(text)) return;
      await acceptQuestion(rt, { kind: 'dm', channel: e.channel, user: e.user, text, ts: e.ts, threadTs: e.thread_ts, eventId });
      return;
    }
    // Every human channel message counts towards the metrics (a redelivery would count twice).
    if (!context.retryNum) await observeChannelMessage(rt.deps, { ...e, text, user: e.user });
    if (mentionsUser(text, rt.deps.botUserId)) return;
    const inThread = Boolean(e.thread_ts && e.thread_ts !== e.ts);
    if (inThread) {
      const escalation = await rt.deps.store.escalationForThread(e.channel, e.thread_ts!);
      if (escalation && escalation.state !== 'resolved') {
        // Humans are handling this thread; the claimer's reply closes it.
        if (escalation.state === 'claimed' && escalation.claimedBy === e.user && (!eventId || (await rt.deps.store.markEventSeen(eventId)))) {
          background('resolve by reply', { eventId, escalationId: escalation.id }, () => changeEscalation(rt, escalation.id, { type: 'resolve', actor: e.user! }));
        }
        return;
      }
      const kind = await rt.deps.store.threadKind(e.channel, e.thread_ts!);
      if (kind === 'answered') {
        // Only follow-up questions: "thanks, that worked!" in the thread gets no new doc dump.
        if (!isFollowUpQuestion(stripMentions(text))) return;
        await acceptQuestion(rt, { kind: 'followup', channel: e.channel, user: e.user, text, ts: e.ts, threadTs: e.thread_ts, eventId });
        return;
      }
      if (kind === 'proactive') return; // at most one unprompted reply per thread
    }
    if (!rt.deps.config.proactiveChannels.includes(e.channel) || rt.deps.config.mode === 'observe') return;
    if (rt.roles.isSenior(e.user)) return;
    const question = stripMentions(text);
    if (!looksLikeQuestion(question) || asksWhy(question)) return;
    await acceptQuestion(rt, { kind: 'proactive', channel: e.channel, user: e.user, text, ts: e.ts, threadTs: e.thread_ts ?? e.ts, eventId });
  });
}

