import { childLogger } from '../log.js';
import type { SlackBlock } from './blocks/types.js';
import type { SlackRuntime } from './runtime.js';

const log = childLogger('slack.copy');

/** Where a /copy reply goes: the person, the channel they are in, and the draft message's response_url when known. */
export interface CopyAudience {
  user: string;
  channel: string;
  responseUrl?: string;
}

export interface CopyMessage {
  text: string;
  blocks?: SlackBlock[];
}

async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    if (res.ok) return true;
    log.warn({ status: res.status }, 'response_url refused the reply');
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'response_url unreachable');
  }
  return false;
}

/**
 * Shows something to one person only: an ephemeral message in the channel, else a DM (the bot
 * may not be in that channel). Never a public post.
 */
export async function showPrivately(rt: SlackRuntime, to: CopyAudience, message: CopyMessage): Promise<void> {
  try {
    await rt.client.chat.postEphemeral({ channel: to.channel, user: to.user, ...message });
    return;
  } catch (err) {
    log.info({ err: (err as Error).message, channel: to.channel }, 'ephemeral refused; sending the draft as a DM');
  }
  await rt.client.chat.postMessage({ channel: to.user, ...message });
}

/** Replaces the private draft message in place (response_url), or shows the new state privately when that fails. */
export async function replaceDraftMessage(rt: SlackRuntime, to: CopyAudience, message: CopyMessage): Promise<void> {
  if (to.responseUrl && (await postToResponseUrl(to.responseUrl, { replace_original: true, text: message.text, blocks: message.blocks ?? [] }))) return;
  await showPrivately(rt, to, message);
}

/** A short private notice (refusals, errors) that leaves the draft message as it is. */
export async function notify(rt: SlackRuntime, to: CopyAudience, text: string): Promise<void> {
  await showPrivately(rt, to, { text });
}
