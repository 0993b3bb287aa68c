import { isUserGroup, mentionOf } from '../../escalation/routing.js';
import type { Escalation } from '../../store/types.js';
import { SECTION_TEXT_LIMIT, truncate } from '../text.js';
import { ACTION_IDS, type RenderedMessage } from './answer.js';
import { escapeMrkdwn } from './escape.js';
import type { SlackBlock, SlackButton } from './types.js';

/** Waiting for the senior's next working day (or the end of their do-not-disturb). */
function isDeferred(e: Escalation): boolean {
  return e.state === 'open' && e.notifiedAt === undefined && !isUserGroup(e.senior);
}

function controls(e: Escalation, where: 'thread' | 'senior' = 'thread'): SlackBlock | undefined {
  const id = String(e.id);
  const elements: SlackButton[] = [];
  if (e.state === 'open') elements.push({ type: 'button', text: { type: 'plain_text', text: "I'll take it" }, action_id: ACTION_IDS.claim, value: id, style: 'primary' });
  if (e.state !== 'resolved') elements.push({ type: 'button', text: { type: 'plain_text', text: 'Resolved' }, action_id: ACTION_IDS.resolve, value: id });
  if (where === 'thread' && isDeferred(e)) elements.push({ type: 'button', text: { type: 'plain_text', text: "It's urgent" }, action_id: ACTION_IDS.urgent, value: id, style: 'danger' });
  return elements.length ? { type: 'actions', block_id: `escalation_${id}`, elements } : undefined;
}

function stateLine(e: Escalation): string {
  if (e.state === 'claimed') return `:raising_hand: <@${e.claimedBy}> is on it.`;
  if (e.state === 'resolved') return `:white_check_mark: Resolved by <@${e.resolvedBy}>.`;
  return ':hourglass_flowing_sand: Waiting for a senior to take it.';
}

/** The notice in the asker's thread: who was asked and why, the claim/resolve buttons, and "It's urgent" while it waits. */
export function escalationNotice(e: Escalation): RenderedMessage {
  const head = `<@${e.asker}>, this one needs a human: I've asked ${mentionOf(e.senior)} (${e.topic === 'default' ? 'senior on call' : `topic: ${escapeMrkdwn(e.topic)}`}). Reason: ${escapeMrkdwn(e.reason)}.`;
  const note = isDeferred(e)
    ? `${mentionOf(e.senior)} is outside working hours or in do-not-disturb, so this waits for their digest at the start of their next working day. If it cannot wait, press *It's urgent*.`
    : undefined;
  const body = [head, note, stateLine(e)].filter(Boolean).join('\n');
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(body, SECTION_TEXT_LIMIT) } }];
  const c = controls(e);
  if (c) blocks.push(c);
  return { text: truncate(head, SECTION_TEXT_LIMIT), blocks };
}

/** Slack DM channel ids start with D: what was said there stays between the asker and Deskmate. */
function isDirectMessageChannel(channel: string): boolean {
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
  const c = controls(e, 'senior');
  if (c) blocks.push(c);
  return { text, blocks };
}

/** Slack allows 50 blocks a message: a header, two per question, and a closing line. */
const DIGEST_MAX_ITEMS = 20;

/**
 * One message for everything that waited for the senior's working day, oldest first: who asked,
 * the topic, a link, the question (never one asked in a DM), and a claim button for each.
 */
export function seniorDigestMessage(items: Array<{ escalation: Escalation; link: string }>): RenderedMessage {
  const n = items.length;
  const text = `While you were away, ${n} question${n === 1 ? '' : 's'} waited for you.`;
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `${text} Oldest first; take what you can, the rest go to your colleagues if nobody does.` } }];
  for (const { escalation: e, link } of items.slice(0, DIGEST_MAX_ITEMS)) {
    const fromDm = isDirectMessageChannel(e.channel);
    const what = fromDm ? `_asked privately: reach out to them directly_` : truncate(escapeMrkdwn(e.question).replace(/\s+/g, ' '), 300);
    const line = `*<@${e.asker}>* (${escapeMrkdwn(e.topic)}) ${fromDm ? '' : `${link}\n`}> ${what}`;
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(line, SECTION_TEXT_LIMIT) },
      accessory: { type: 'button', text: { type: 'plain_text', text: "I'll take it" }, action_id: ACTION_IDS.claim, value: String(e.id) },
    });
  }
  if (n > DIGEST_MAX_ITEMS) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${n - DIGEST_MAX_ITEMS} more, each tagged for you in its thread.` }] });
  return { text, blocks };
}
