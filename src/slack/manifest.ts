import { DeskmateError, ErrorCode } from '../errors.js';

/**
 * Deskmate's Slack app manifest, for either mode. manifest.json in the repository is the Socket
 * Mode one (a test keeps them equal); `deskmate manifest --http https://host` prints the HTTP
 * one, with every request URL Slack needs: events, interactivity and each slash command.
 */

const COMMANDS = [
  { command: '/deskmate', description: 'Deskmate help, your weekly stats, or re-index the docs (admins)', usage_hint: 'help | stats | reindex' },
  { command: '/copy', description: 'Draft release copy from commit messages; only you see it until you approve', usage_hint: 'feat(search): filter by carrier [one subject per line, or full messages separated by ---]' },
  { command: '/scaffold', description: 'Generate code in your team\'s style from indexed exemplars; flags imports that do not resolve', usage_hint: 'a controller for refunds' },
  { command: '/schema-review', description: 'Review the indexed SQL schema: migration order, FK cycles, missing keys and indexes', usage_hint: '[optional focus, e.g. payments tables]' },
];

export const SUGGESTED_PROMPTS = [
  { title: 'List an endpoint', message: 'How do I list shipments?' },
  { title: 'Migration order', message: 'In what order should the tables be migrated?' },
  { title: 'Who to ask', message: 'Who should I ask about a design decision?' },
];

export type ManifestMode = { mode: 'socket' } | { mode: 'http'; baseUrl: string };

/** The events path Bolt's HTTP receiver serves (src/slack/app.ts). */
const EVENTS_PATH = '/slack/events';

/** Checks and normalises the public base URL Slack will call (https, no path after the host). */
function requestBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DeskmateError(ErrorCode.UsageError, `"${raw}" is not a URL. Pass the public base URL Slack will call, e.g. --http https://deskmate.example.com`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) throw new DeskmateError(ErrorCode.UsageError, 'Slack only calls https:// request URLs: pass an https base URL (for example from a tunnel).');
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/slack\/events$/, '')}`;
}

export function slackManifest(mode: ManifestMode): Record<string, unknown> {
  const requestUrl = mode.mode === 'http' ? `${requestBaseUrl(mode.baseUrl)}${EVENTS_PATH}` : undefined;
  const withUrl = <T extends object>(o: T) => (requestUrl ? { ...o, request_url: requestUrl } : o);
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Deskmate',
      description: 'Answers what/how questions from your sanitized docs and routes why-questions to the right senior.',
      background_color: '#2c2d30',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: 'Deskmate', always_online: true },
      // Slack's AI assistant pane ("Agents & AI apps"): assistant_thread_* events, assistant:write.
      assistant_view: { assistant_description: 'Ask what/how questions about the team\'s docs and schema; why-questions go to the right senior.', suggested_prompts: SUGGESTED_PROMPTS },
      slash_commands: COMMANDS.map((c) => ({ ...c, ...(requestUrl ? { url: requestUrl } : {}), should_escape: false })),
      shortcuts: [{ name: 'Draft copy', type: 'message', callback_id: 'draft_copy', description: 'Draft release copy from the commits in this message' }],
    },
    oauth_config: {
      scopes: {
        bot: ['app_mentions:read', 'assistant:write', 'channels:history', 'groups:history', 'im:history', 'im:read', 'im:write', 'chat:write', 'commands', 'dnd:read', 'files:read', 'files:write', 'users:read'],
      },
    },
    settings: {
      event_subscriptions: withUrl({
        bot_events: ['app_mention', 'app_home_opened', 'assistant_thread_started', 'assistant_thread_context_changed', 'message.channels', 'message.groups', 'message.im', 'app_uninstalled', 'tokens_revoked'],
      }),
      interactivity: withUrl({ is_enabled: true }),
      org_deploy_enabled: false,
      socket_mode_enabled: mode.mode === 'socket',
      token_rotation_enabled: false,
    },
  };
}
