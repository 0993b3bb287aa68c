import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { checkedMessage } from './validate.js';

type Sender = (args: { text?: string; blocks?: unknown }) => Promise<unknown>;

/**
 * Every message this client sends passes checkedMessage first: the one place that sees all
 * outgoing blocks (listeners, workflows, sweeps), so a block over Slack's limits is dropped and
 * logged instead of the whole message failing with invalid_blocks.
 */
export function guardOutgoingBlocks(client: WebClient): void {
  const chat = client.chat as unknown as Record<'postMessage' | 'postEphemeral' | 'update' | 'scheduleMessage', Sender>;
  for (const method of ['postMessage', 'postEphemeral', 'update', 'scheduleMessage'] as const) {
    const send = chat[method].bind(client.chat);
    chat[method] = (args) => send(Array.isArray(args?.blocks) ? checkedMessage({ ...args, text: args.text ?? '' } as { text: string; blocks?: KnownBlock[] }) : args);
  }
}
