import type { App } from '@slack/bolt';
import { childLogger } from '../../../log.js';
import { installationTeam } from '../../guards.js';
import { dropWhenRevoked, installationOf } from '../../installation.js';
import type { SlackRuntime } from '../../runtime.js';

const log = childLogger('slack.uninstall');

/**
 * `app_uninstalled`, and `tokens_revoked` naming bot tokens: stop working for the workspace (no
 * answers, no queued work, no sweeps that post) and delete everything stored for it.
 */
export function registerUninstall(app: App, rt: SlackRuntime): void {
  dropWhenRevoked(app, rt);
  const forget = async (teamId: string, why: string) => {
    const state = installationOf(rt);
    if (state.revoked) return;
    state.revoked = true;
    state.revokedTeam = teamId;
    // Stop first, so nothing queued is answered with a dead token; then forget the data.
    await Promise.race([rt.queue.drain(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    await rt.deps.store.forgetWorkspace(teamId);
    log.warn({ teamId, why }, 'installation revoked: stopped answering and deleted the stored data; restart with a new token to resume');
  };
  app.event('app_uninstalled', async ({ body }) => {
    await forget(installationTeam(body) ?? 'unknown', 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    const bot = (event as { tokens?: { bot?: unknown } }).tokens?.bot;
    if (!Array.isArray(bot) || bot.length === 0) return; // only user tokens went: the bot still works
    await forget(installationTeam(body) ?? 'unknown', 'tokens_revoked');
  });
}
