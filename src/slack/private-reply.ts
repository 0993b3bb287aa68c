import type { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import { childLogger } from '../log.js';
import { checkedMessage } from './blocks/validate.js';

const log = childLogger('slack.reply');

/** Who sees a private reply: the person, the conversation they were in, and the request's response_url when there was one. */
export interface PrivateTarget {
  user: string;
  channel: string;
  /** From a slash command, shortcut or click: works where the bot is no member (private channels, other people's DMs). */
  responseUrl?: string;
}

export interface OutgoingMessage {
  text: string;
  blocks?: KnownBlock[];
}

/**
 * POSTs a message to a response_url (Slack allows 5 uses within 30 minutes). Never throws: false
 * when Slack refused it (expired, used up, invalid_blocks) or could not be reached.
 */
export async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    if (res.ok) return true;
    log.warn({ status: res.status, body: (await res.text()).slice(0, 100) }, 'response_url refused the reply');
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'response_url unreachable');
  }
  return false;
}

/**
 * Shows a message to one person only, by the first route that works: the response_url (an
 * ephemeral reply Slack delivers even where the bot is not a member), chat.postEphemeral (needs
 * the bot in the channel), then a DM. Never a public post. Returns the route taken.
 */
export async function replyPrivately(client: WebClient, to: PrivateTarget, message: OutgoingMessage): Promise<'response_url' | 'ephemeral' | 'dm'> {
  const checked = checkedMessage(message);
  if (to.responseUrl && (await postToResponseUrl(to.responseUrl, { response_type: 'ephemeral', replace_original: false, ...checked }))) return 'response_url';
  try {
    await client.chat.postEphemeral({ channel: to.channel, user: to.user, ...checked });
    return 'ephemeral';
  } catch (err) {
    log.info({ err: (err as Error).message, channel: to.channel }, 'ephemeral refused (bot not in that conversation?); sending a DM');
  }
  await client.chat.postMessage({ channel: to.user, ...checked });
  return 'dm';
}
