import { mentionOf } from '../../escalation/routing.js';
import type { Escalation } from '../../store/types.js';
import { SECTION_TEXT_LIMIT, truncate } from '../text.js';
import { ACTION_IDS, type RenderedMessage } from './answer.js';
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
  const head = `<@${e.asker}>, this one needs a human: I've asked ${mentionOf(e.senior)} (${e.topic === 'default' ? 'senior on call' : `topic: ${e.topic}`}). Reason: ${e.reason}.`;
  const body = [head, note, stateLine(e)].filter(Boolean).join('\n');
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(body, SECTION_TEXT_LIMIT) } }];
  const c = controls(e);
  if (c) blocks.push(c);
  return { text: truncate(head, SECTION_TEXT_LIMIT), blocks };
}

/** The direct message to the senior: the question, a link to the thread, the same buttons. */
export function seniorDirectMessage(e: Escalation, link: string): RenderedMessage {
  const text = `<@${e.asker}> needs a senior (${e.topic}): ${link}`;
  const quoted = truncate(e.question, 1500).split('\n').map((l) => `> ${l}`).join('\n');
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(`${text}\n${quoted}\n_Why it came to you: ${e.reason}._`, SECTION_TEXT_LIMIT) } }];
  const c = controls(e);
  if (c) blocks.push(c);
  return { text, blocks };
}
