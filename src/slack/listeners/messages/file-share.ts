import type { App } from '@slack/bolt';
import { acceptQuestion, background, type SlackRuntime } from '../../runtime.js';
import { messageTextOf } from '../../rich-text.js';
import { stripMentions } from '../../text.js';
import { receiveDmFiles, type SharedFile } from '../../uploads/receive.js';

export interface FileShareEvent {
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
  files?: SharedFile[];
}

/**
 * A DM file share: read each file once (Slack redelivers events it thinks we missed), keep it as
 * context for that DM, then ask the question typed in the same message, so it can use the files.
 */
export async function handleDmFileShare(rt: SlackRuntime, e: FileShareEvent, eventId: string | undefined): Promise<void> {
  if (!e.user || !e.files?.length) return;
  if (eventId && !(await rt.deps.store.markEventSeen(`upload:${eventId}`))) return;
  const user = e.user;
  const text = messageTextOf(e);
  background('dm upload', { eventId }, async () => {
    await receiveDmFiles(rt, { channel: e.channel, user, ts: e.ts, files: e.files! });
    if (stripMentions(text)) await acceptQuestion(rt, { kind: 'dm', channel: e.channel, user, text, ts: e.ts, threadTs: e.thread_ts, eventId });
  });
}

/** Files shared in a DM with Deskmate (outside assistant threads, which listeners/assistant handles). */
export function registerFileShare(app: App, rt: SlackRuntime): void {
  app.event('message', async ({ event, body }) => {
    const e = event as unknown as FileShareEvent;
    if (e.subtype !== 'file_share' || e.channel_type !== 'im' || !e.user || e.bot_id || e.user === rt.deps.botUserId || !e.files?.length) return;
    await handleDmFileShare(rt, e, (body as { event_id?: string }).event_id);
  });
}
