import type { App } from '@slack/bolt';
import { acceptQuestion, background, USAGE_HINT, type SlackRuntime } from '../../runtime.js';
import { isExternalAsker } from '../../enterprise.js';
import { accessVerdict } from '../../guards.js';
import { answersNothing } from '../../metrics-hooks.js';
import { messageTextOf } from '../../rich-text.js';
import { stripMentions } from '../../text.js';

/** Subtypes that are still someone asking: a reply also sent to the channel, a message with a file. */
const ASKING_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

/** @Deskmate in a channel: persist before the ack, answer in the thread from the queue. */
export function registerAppMention(app: App, rt: SlackRuntime): void {
  app.event('app_mention', async ({ event, body }) => {
    const e = event as typeof event & { subtype?: string; edited?: unknown };
    if (e.bot_id || (e.subtype && !ASKING_SUBTYPES.has(e.subtype)) || e.edited || !e.user) return;
    if (answersNothing(rt.deps.config)) return; // observe mode: the message listener counts it
    const eventId = (body as { event_id?: string }).event_id;
    const threadTs = e.thread_ts ?? e.ts;
    // Slack Connect: someone from another organisation gets a polite no, never internal docs.
    const verdict = accessVerdict({ guest: false, external: await isExternalAsker(rt.client, body, e) }, rt.deps.config.access);
    if (!verdict.ok) {
      if (eventId && !(await rt.deps.store.markEventSeen(eventId))) return;
      background('external refusal', { eventId }, () => rt.client.chat.postMessage({ channel: e.channel, thread_ts: threadTs, text: verdict.reply }));
      return;
    }
    // Some clients send the mention only in rich_text blocks, with an empty `text`.
    const text = messageTextOf(e);
    if (!stripMentions(text)) {
      if (eventId && !(await rt.deps.store.markEventSeen(eventId))) return;
      background('usage hint', { eventId }, () => rt.client.chat.postMessage({ channel: e.channel, thread_ts: threadTs, text: USAGE_HINT }));
      return;
    }
    await acceptQuestion(rt, { kind: 'mention', channel: e.channel, user: e.user, text, ts: e.ts, threadTs, eventId });
  });
}
