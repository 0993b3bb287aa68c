import fs from 'node:fs';
import path from 'node:path';
import { manifestCommand } from '../../src/cli/manifest';
import { packageRoot } from '../../src/paths';
import { slackManifest } from '../../src/slack/manifest';

const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'manifest.json'), 'utf8'));

function printed(flags: { http?: string }): any {
  let out = '';
  manifestCommand(flags, { stdout: { write: (s: string) => (out += s) } });
  return JSON.parse(out);
}

describe('manifest.json covers everything the app uses', () => {
  test('manifest.json is exactly the generated Socket Mode manifest', () => {
    expect(manifest).toEqual(slackManifest({ mode: 'socket' }));
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  test('events for mentions, DMs, channel/thread messages, App Home and the assistant pane', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups', 'app_home_opened', 'assistant_thread_started', 'assistant_thread_context_changed']));
  });

  test('scopes for every Web API method called', () => {
    // chat.* → chat:write; conversations.replies → *:history; dnd.info → dnd:read; users.info/getPresence → users:read;
    // DMing seniors → im:write; commands; assistant.threads.* → assistant:write.
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'chat:write', 'channels:history', 'groups:history', 'im:history', 'im:write', 'dnd:read', 'users:read', 'commands', 'assistant:write']));
  });

  test('the /deskmate command (usage hint lists stats), interactivity, the Home tab and the assistant view', () => {
    const deskmate = manifest.features.slash_commands.find((c: { command: string }) => c.command === '/deskmate');
    expect(deskmate.usage_hint).toBe('help | stats | reindex');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.assistant_view.suggested_prompts.length).toBeGreaterThan(0);
  });
});

describe('deskmate manifest --http', () => {
  test('sets the events and interactivity request URLs and every slash command URL, with Socket Mode off', () => {
    const m = printed({ http: 'https://deskmate.example.com/' });
    const url = 'https://deskmate.example.com/slack/events';
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.event_subscriptions.request_url).toBe(url);
    expect(m.settings.interactivity.request_url).toBe(url);
    expect(m.features.slash_commands.map((c: { url: string }) => c.url)).toEqual(manifest.features.slash_commands.map(() => url));
  });

  test('a base URL that already ends in /slack/events is not doubled; without --http it prints manifest.json', () => {
    expect(printed({ http: 'https://h.example/slack/events' }).settings.event_subscriptions.request_url).toBe('https://h.example/slack/events');
    expect(printed({})).toEqual(manifest);
  });

  test.each(['http://deskmate.example.com', 'not a url', 'ftp://x'])('refuses %s with a usage error saying what to pass', (bad) => {
    expect(() => printed({ http: bad })).toThrow(/https|URL/);
  });
});
