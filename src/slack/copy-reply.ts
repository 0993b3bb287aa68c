import type { KnownBlock } from '@slack/types';
import { postToResponseUrl, replyPrivately } from './private-reply.js';
import { checkedMessage } from './blocks/validate.js';
import type { SlackRuntime } from './runtime.js';

/** Where a /copy reply goes: the person, the channel they are in, and the request's response_urls when known. */
export interface CopyAudience {
  user: string;
  channel: string;
  /** A draft message's own response_url (from a click on it): replaces that message. */
  responseUrl?: string;
  /** The /copy command's or the shortcut's response_url: new private replies go there first. */
  replyUrl?: string;
}

export interface CopyMessage {
  text: string;
  blocks?: KnownBlock[];
}

/**
 * Shows something to one person only: through the command's response_url (works where the bot is
 * no member), else an ephemeral message in the channel, else a DM. Never a public post.
 */
export async function showPrivately(rt: SlackRuntime, to: CopyAudience, message: CopyMessage): Promise<void> {
  await replyPrivately(rt.client, { user: to.user, channel: to.channel, responseUrl: to.replyUrl }, message);
}

/** Replaces the private draft message in place (response_url), or shows the new state privately when that fails. */
export async function replaceDraftMessage(rt: SlackRuntime, to: CopyAudience, message: CopyMessage): Promise<void> {
  const checked = checkedMessage(message);
  if (to.responseUrl && (await postToResponseUrl(to.responseUrl, { replace_original: true, text: checked.text, blocks: checked.blocks ?? [] }))) return;
  await showPrivately(rt, to, message);
}

/** A short private notice (refusals, errors) that leaves the draft message as it is. */
export async function notify(rt: SlackRuntime, to: CopyAudience, text: string): Promise<void> {
  await showPrivately(rt, to, { text });
}
