import type { App } from '@slack/bolt';
import { userMessageOf } from '../../../errors.js';
import { childLogger } from '../../../log.js';
import { escapeMrkdwn } from '../../blocks/escape.js';
import { replyPrivately } from '../../private-reply.js';
import { background, type SlackRuntime } from '../../runtime.js';
import { postStats } from '../../stats-command.js';

const log = childLogger('slack.command');

const COMMAND_HELP = [
  '*Deskmate commands*',
  '• `/deskmate help`: this help.',
  '• `/deskmate reindex`: rebuild the docs index from the configured paths (admins only).',
  '• `/deskmate stats`: this week\'s interruption report, visible only to you.',
  'Ask questions by mentioning @Deskmate in a channel or in a DM.',
].join('\n');

/** `/deskmate help|stats|reindex`; anything else gets the usage. Replies are ephemeral, through the command's response_url. */
export function registerDeskmateCommand(app: App, rt: SlackRuntime): void {
  app.command('/deskmate', async ({ ack, command }) => {
    const sub = String(command.text ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (sub === 'stats') {
      await ack();
      background('stats', { user: command.user_id }, () => postStats(rt.deps, rt.client, { channel: command.channel_id, user: command.user_id, responseUrl: command.response_url }));
      return;
    }
    if (sub !== 'reindex') {
      await ack({ response_type: 'ephemeral', text: sub && sub !== 'help' ? `Unknown command \`${escapeMrkdwn(sub.slice(0, 40))}\`.\n${COMMAND_HELP}` : COMMAND_HELP });
      return;
    }
    if (!rt.roles.isAdmin(command.user_id)) {
      await ack({ response_type: 'ephemeral', text: 'Only Deskmate admins can re-index (DESKMATE_ADMINS).' });
      return;
    }
    if (!rt.deps.reindex) {
      await ack({ response_type: 'ephemeral', text: 'Re-indexing is not available in this deployment; run `deskmate ingest` on the server.' });
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Re-indexing the docs… I will tell you when it is done.' });
    const reindex = rt.deps.reindex;
    background('reindex', { user: command.user_id }, async () => {
      const started = Date.now();
      let text: string;
      try {
        await reindex();
        await rt.deps.asker.reloadIfChanged();
        text = `Re-index done in ${((Date.now() - started) / 1000).toFixed(1)} s; answers now use the new index.`;
        log.info({ ms: Date.now() - started }, 'reindex done');
      } catch (err) {
        log.error({ err: (err as Error).message }, 'reindex failed');
        text = `Re-index failed: ${userMessageOf(err)}`;
      }
      await replyPrivately(rt.client, { channel: command.channel_id, user: command.user_id, responseUrl: command.response_url }, { text });
    });
  });
}
