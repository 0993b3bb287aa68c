import { Assistant, type App } from '@slack/bolt';
import { childLogger } from '../../../log.js';
import { ASSISTANT_GREETING, assistantThreadsFor, threadTitle } from '../../assistant/threads.js';
import { isExternalAsker } from '../../enterprise.js';
import { accessVerdict } from '../../guards.js';
import { SUGGESTED_PROMPTS } from '../../manifest.js';
import { answersNothing } from '../../metrics-hooks.js';
import { messageTextOf } from '../../rich-text.js';
import { acceptQuestion, type SlackRuntime } from '../../runtime.js';
import { stripMentions } from '../../text.js';
import { handleDmFileShare, type FileShareEvent } from '../messages/file-share.js';

const log = childLogger('slack.assistant');

interface AssistantMessage extends FileShareEvent {
  thread_ts?: string;
}

/**
 * Slack's assistant pane through Bolt's Assistant: a greeting and suggested prompts when a
 * thread opens, the viewed channel remembered, and each message asked like a DM (the tutor),
 * answered with a "Searching the docs…" status (see answer-question.ts). Bolt routes every
 * threaded DM message here, so plain DM threads are served the same way.
 */
export function register(app: App, rt: SlackRuntime): void {
  const threads = assistantThreadsFor(rt.deps);
  app.assistant(
    new Assistant({
      threadStarted: async ({ event, say, setSuggestedPrompts, saveThreadContext }) => {
        const t = event.assistant_thread;
        threads.open(t.channel_id, t.thread_ts, t.context?.channel_id);
        if (answersNothing(rt.deps.config)) return; // observe mode: Deskmate says nothing anywhere
        try {
          await say(ASSISTANT_GREETING);
          await setSuggestedPrompts({ title: 'Try one of these:', prompts: SUGGESTED_PROMPTS });
          await saveThreadContext();
        } catch (err) {
          log.warn({ channel: t.channel_id, err: (err as Error).message }, 'assistant thread greeting failed');
        }
      },
      threadContextChanged: async ({ event, saveThreadContext }) => {
        const t = event.assistant_thread;
        threads.open(t.channel_id, t.thread_ts, t.context?.channel_id);
        await saveThreadContext().catch((err) => log.warn({ err: (err as Error).message }, 'saving the assistant thread context failed'));
      },
      userMessage: async ({ message, body, setTitle }) => {
        const e = message as unknown as AssistantMessage;
        if (!e.user || e.bot_id || e.user === rt.deps.botUserId || !e.thread_ts) return;
        const eventId = (body as { event_id?: string }).event_id;
        if (e.subtype === 'file_share') return handleDmFileShare(rt, e, eventId);
        const text = messageTextOf(e);
        if (!stripMentions(text)) return;
        const verdict = accessVerdict({ guest: false, external: await isExternalAsker(rt.client, body, e) }, rt.deps.config.access);
        if (!verdict.ok) {
          await rt.client.chat.postMessage({ channel: e.channel, thread_ts: e.thread_ts, text: verdict.reply }).catch(() => undefined);
          return;
        }
        const thread = threads.get(e.channel, e.thread_ts);
        if (thread && !thread.titled) {
          thread.titled = true;
          await setTitle(threadTitle(stripMentions(text))).catch((err) => log.warn({ err: (err as Error).message }, 'assistant thread title failed'));
        }
        await acceptQuestion(rt, { kind: 'dm', channel: e.channel, user: e.user, text, ts: e.ts, threadTs: e.thread_ts, eventId });
      },
    }),
  );
}
