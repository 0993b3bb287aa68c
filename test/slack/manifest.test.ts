import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'manifest.json'), 'utf8'));

describe('manifest.json covers everything the app uses', () => {
  test('events for mentions, DMs, channel/thread messages and App Home', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups', 'app_home_opened']));
  });

  test('scopes for every Web API method called', () => {
    // chat.postMessage/update/postEphemeral/getPermalink → chat:write; conversations.replies → *:history;
    // dnd.info → dnd:read; DMing seniors → im:write; /deskmate → commands.
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'chat:write', 'channels:history', 'groups:history', 'im:history', 'im:write', 'dnd:read', 'commands']));
  });

  test('the /deskmate command, interactivity for buttons, and the Home tab', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toContain('/deskmate');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
