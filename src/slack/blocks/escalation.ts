import { mentionOf } from '../../escalation/routing.js';
import type { Escalation } from '../../store/types.js';
import { SECTION_TEXT_LIMIT, truncate } from '../text.js';
import { ACTION_IDS, type RenderedMessage } from './answer.js';
import { escapeMrkdwn } from './escape.js';
import type { SlackBlock } from './types.js';

function controls(e: Escalation): SlackBlock | undefined {
  const id = String(e.id);
  const elements: SlackBlock[] = [];
  if (e.state === 'open') elements.push({ type: 'button', text: { type: 'plain_text', text: "I'll take it" }, action_id: ACTION_IDS.claim, value: id, style: 'primary' });
  if (e.state !== 'resolved') elements.push({ type: 'button', text: { type: 'plain_text', text: 'Resolved' }, action_id: ACTION_IDS.resolve, value: id });
  return elements.length ? { type: 'actions', block_id: `escalation_${id}`, elements } : undefined;
}

function stateLine(e: Escalation): string {
  if (e.state === 'claimed') return `:raising_hand: <@${e.claimedBy}> is on it.`;
  if (e.state === 'resolved') return `:white_check_mark: Resolved by <@${e.resolvedBy}>.`;
  return ':hourglass_flowing_sand: Waiting for a senior to take it.';
}

/** The notice in the asker's thread: who was asked and why, and the claim/resolve buttons. */
export function escalationNotice(e: Escalation, note?: string): RenderedMessage {
  const head = `<@${e.asker}>, this one needs a human: I've asked ${mentionOf(e.senior)} (${e.topic === 'default' ? 'senior on call' : `topic: ${escapeMrkdwn(e.topic)}`}). Reason: ${escapeMrkdwn(e.reason)}.`;
  const body = [head, note, stateLine(e)].filter(Boolean).join('\n');
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(body, SECTION_TEXT_LIMIT) } }];
  const c = controls(e);
  if (c) blocks.push(c);
  return { text: truncate(head, SECTION_TEXT_LIMIT), blocks };
}

/** Slack DM channel ids start with D: what was said there stays between the asker and Deskmate. */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}

/**
 * The direct message to the senior: the question (escaped), a link to the thread, the same buttons.
 * A question asked in a DM is not quoted: the senior hears who needs them, not what was said privately.
 */
export function seniorDirectMessage(e: Escalation, link: string): RenderedMessage {
  const fromDm = isDirectMessageChannel(e.channel);
  const text = fromDm ? `<@${e.asker}> asked me privately and needs a senior (${escapeMrkdwn(e.topic)}). Reach out to them directly.` : `<@${e.asker}> needs a senior (${escapeMrkdwn(e.topic)}): ${link}`;
  const quoted = fromDm ? '' : truncate(escapeMrkdwn(e.question), 1500).split('\n').map((l) => `> ${l}`).join('\n');
  const body = [text, quoted, `_Why it came to you: ${escapeMrkdwn(fromDm ? e.reason.replace(/:.*$/s, '') : e.reason)}._`].filter(Boolean).join('\n');
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(body, SECTION_TEXT_LIMIT) } }];
  const c = controls(e);
  if (c) blocks.push(c);
  return { text, blocks };
}
