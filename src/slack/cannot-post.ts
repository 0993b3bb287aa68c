import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log.js';

/** Slack's answers when the bot may not post in a conversation (not invited, private, archived, policy). */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'restricted_action_read_only_channel', 'restricted_action_thread_only_channel', 'ekm_access_denied']);

function slackErrorCode(err: unknown): string | undefined {
  const code = (err as { data?: { error?: unknown } })?.data?.error;
  return typeof code === 'string' ? code : undefined;
}

export function cannotPost(err: unknown): boolean {
  const code = slackErrorCode(err);
  return code !== undefined && CANNOT_POST.has(code);
}

/**
 * The bot was asked somewhere it cannot reply (e.g. mentioned in a channel it is not a member
 * of): tell the asker by DM why there is no answer and how to fix it, and log it. Never throws.
 */
export async function explainCannotPost(client: WebClient, to: { user: string; channel: string }, err: unknown, log: Logger): Promise<boolean> {
  const code = slackErrorCode(err) ?? 'unknown';
  log.warn({ channel: to.channel, code }, 'cannot post in that conversation; telling the asker by DM');
  const why = code === 'is_archived' ? 'that channel is archived' : code.startsWith('restricted_action') ? "the channel's settings do not let me post there" : 'I am not a member of that conversation';
  try {
    await client.chat.postMessage({ channel: to.user, text: `You asked me something in <#${to.channel}>, but I cannot reply there: ${why} (\`${code}\`). Invite me with \`/invite @Deskmate\` and ask again, or ask me here.` });
    return true;
  } catch (dmErr) {
    log.error({ err: (dmErr as Error).message }, 'could not DM the asker either');
    return false;
  }
}
