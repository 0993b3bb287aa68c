import type { App } from '@slack/bolt';
import { background, type SlackRuntime } from '../../runtime.js';
import { receiveDmFiles, type SharedFile } from '../../uploads/receive.js';

interface FileShareEvent {
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  ts: string;
  files?: SharedFile[];
}

/** Files shared in a DM with Deskmate: read off the request path, kept as context for that DM. */
export function registerFileShare(app: App, rt: SlackRuntime): void {
  app.event('message', async ({ event, body }) => {
    const e = event as unknown as FileShareEvent;
    if (e.subtype !== 'file_share' || e.channel_type !== 'im' || !e.user || e.bot_id || e.user === rt.deps.botUserId || !e.files?.length) return;
    const eventId = (body as { event_id?: string }).event_id;
    // Slack redelivers events it thinks we missed: read each share once.
    if (eventId && !(await rt.deps.store.markEventSeen(`upload:${eventId}`))) return;
    background('dm upload', { eventId }, () => receiveDmFiles(rt, { channel: e.channel, user: e.user!, ts: e.ts, files: e.files! }));
  });
}
