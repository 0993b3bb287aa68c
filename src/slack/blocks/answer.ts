import type { AskResult } from '../../knowledge/answer/ask.js';
import { CONTEXT_TEXT_LIMIT, FALLBACK_TEXT_LIMIT, MAX_BLOCKS, SECTION_TEXT_LIMIT, truncate } from '../text.js';
import { escapeMrkdwn } from './escape.js';
import { markdownToMrkdwn, splitMrkdwn } from './mrkdwn.js';
import type { SlackBlock, SlackButton } from './types.js';

export const ACTION_IDS = {
  helpful: 'answer_helpful',
  notHelpful: 'answer_not_helpful',
  askSenior: 'answer_ask_senior',
  solved: 'proactive_solved',
  needHuman: 'proactive_need_human',
  claim: 'escalation_claim',
  resolve: 'escalation_resolve',
  urgent: 'escalation_urgent',
} as const;

/** Blocks reserved after the answer sections: sources context, notes, actions. */
const RESERVED_BLOCKS = 4;

export interface AnswerRenderOptions {
  questionId: number;
  /** Unprompted answer in a channel: different buttons, and a line saying why Deskmate spoke up. */
  proactive?: boolean;
  /** Shown under the answer, e.g. "your message was long; I read the first 4000 characters". */
  notes?: string[];
}

export interface RenderedMessage {
  text: string;
  blocks: SlackBlock[];
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): SlackButton {
  return { type: 'button', text: { type: 'plain_text', text, emoji: true }, action_id: actionId, value, ...(style ? { style } : {}) };
}

/** Numbered sources as one context block, matching the [n] markers in the answer. */
export function sourcesBlock(sources: AskResult['sources']): SlackBlock | undefined {
  if (!sources.length) return undefined;
  // With a URL template configured (retrieval.sourceUrls) each citation is a link to its section.
  const lines = sources.map((s, i) => {
    const label = `[${i + 1}] ${escapeMrkdwn(`${s.path}#${s.section}`)}`;
    return s.url ? `<${s.url.replace(/[<>|]/g, encodeURIComponent)}|${label.replace(/\|/g, '¦')}>` : label;
  });
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(`*Sources:* ${lines.join('  ·  ')}`, CONTEXT_TEXT_LIMIT) }] };
}

/**
 * The answer message: the text in sections of ≤ 3000 chars, at most 50 blocks in all; an answer
 * longer than that is cut cleanly with a note pointing to the cited sources for the rest.
 * The answer (doc, question or LLM text) is Markdown rendered as mrkdwn, every piece of text
 * escaped, so it reads formatted and can never carry a live mention or a hidden link.
 */
export function answerMessage(result: AskResult, options: AnswerRenderOptions): RenderedMessage {
  // Small talk gets its short reply alone: no sources, no feedback buttons.
  if (result.intent === 'chat') return plainMessage(result.answer);
  const answer = markdownToMrkdwn(result.answer) || '_(no answer text)_';
  const pieces = splitMrkdwn(answer, SECTION_TEXT_LIMIT - 10);
  const room = MAX_BLOCKS - RESERVED_BLOCKS;
  const shown = pieces.slice(0, room);
  const notes = (options.notes ?? []).map(escapeMrkdwn);
  if (pieces.length > room) notes.push('The answer was too long for one Slack message; the rest is in the cited sources.');
  const blocks: SlackBlock[] = shown.map(section);
  const sources = sourcesBlock(result.sources);
  if (sources) blocks.push(sources);
  if (options.proactive) notes.unshift('I answered because this looks documented. A human can still help if it does not solve it.');
  // Footer: which model answered (or the offline path), so readers know how much to trust the prose.
  notes.push(footerOf(result.answeredBy));
  if (notes.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(notes.map((n) => `_${n}_`).join('\n'), CONTEXT_TEXT_LIMIT) }] });
  const id = String(options.questionId);
  const buttons = options.proactive
    ? [button('That solved it', ACTION_IDS.solved, id, 'primary'), button('Still need a human', ACTION_IDS.needHuman, id)]
    : [button('Helpful', ACTION_IDS.helpful, id, 'primary'), button('Not helpful', ACTION_IDS.notHelpful, id), button('Ask a senior', ACTION_IDS.askSenior, id)];
  blocks.push({ type: 'actions', block_id: `answer_${id}`, elements: buttons });
  return { text: truncate(answer, FALLBACK_TEXT_LIMIT), blocks };
}

/** A plain message (usage hints, errors, placeholders). */
export function plainMessage(text: string): RenderedMessage {
  const t = truncate(escapeMrkdwn(text.trim()), SECTION_TEXT_LIMIT) || '_(no text)_';
  return { text: t, blocks: [section(t)] };
}

/** Who answered, for the footer: the offline paths by what they read, a model by its name. */
function footerOf(answeredBy: string): string {
  if (answeredBy === 'extractive') return 'Answered offline from the docs (no language model).';
  if (answeredBy === 'schema-review') return 'Computed from the schema (no language model).';
  if (answeredBy === 'decision-record') return "From the team's decision record (no language model).";
  return `Answered by ${escapeMrkdwn(answeredBy)}.`;
}
