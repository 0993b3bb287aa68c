import type { KnownBlock } from '@slack/types';
import { childLogger } from '../../log.js';
import { BLOCK_LIMITS as L } from './limits.js';

const log = childLogger('slack.blocks');

type Json = Record<string, any>;

const len = (s: unknown): number => (typeof s === 'string' ? [...s].length : 0);
const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

function textProblem(where: string, t: Json | undefined, max: number, plainOnly = false): string | undefined {
  if (!t || typeof t !== 'object') return `${where}: missing text object`;
  if (plainOnly && t.type !== 'plain_text') return `${where}: must be plain_text`;
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') return `${where}: text type must be plain_text or mrkdwn`;
  if (blank(t.text)) return `${where}: text is empty`;
  if (len(t.text) > max) return `${where}: text is ${len(t.text)} chars, over ${max}`;
  return undefined;
}

function confirmProblems(where: string, c: Json | undefined): string[] {
  if (!c) return [];
  return [
    textProblem(`${where}.confirm.title`, c.title, L.confirmTitle, true),
    textProblem(`${where}.confirm.text`, c.text, L.confirmText),
    textProblem(`${where}.confirm.confirm`, c.confirm, L.confirmButton, true),
    textProblem(`${where}.confirm.deny`, c.deny, L.confirmButton, true),
  ].filter((p): p is string => Boolean(p));
}

function elementProblems(where: string, el: Json): string[] {
  const out: string[] = [];
  if (len(el.action_id) > L.actionId) out.push(`${where}: action_id over ${L.actionId}`);
  if (el.type === 'button') {
    const t = textProblem(`${where}.text`, el.text, L.buttonText, true);
    if (t) out.push(t);
    if (len(el.value) > L.buttonValue) out.push(`${where}: value is ${len(el.value)} chars, over ${L.buttonValue}`);
    if (len(el.url) > L.buttonUrl) out.push(`${where}: url over ${L.buttonUrl}`);
    out.push(...confirmProblems(where, el.confirm));
  }
  if (el.type === 'plain_text_input' && len(el.initial_value) > (el.max_length ?? L.plainTextInput)) out.push(`${where}: initial_value over max_length`);
  return out;
}

function blockProblems(b: Json, i: number): string[] {
  const where = `blocks[${i}] (${String(b?.type)})`;
  const out: string[] = [];
  if (len(b?.block_id) > L.blockId) out.push(`${where}: block_id over ${L.blockId}`);
  switch (b?.type) {
    case 'header': {
      const p = textProblem(where, b.text, L.headerText, true);
      if (p) out.push(p);
      break;
    }
    case 'section': {
      if (!b.text && !b.fields?.length) out.push(`${where}: needs text or fields`);
      if (b.text) {
        const p = textProblem(where, b.text, L.sectionText);
        if (p) out.push(p);
      }
      if ((b.fields?.length ?? 0) > L.sectionFields) out.push(`${where}: more than ${L.sectionFields} fields`);
      for (const [j, f] of (b.fields ?? []).entries()) {
        const p = textProblem(`${where}.fields[${j}]`, f, L.fieldText);
        if (p) out.push(p);
      }
      if (b.accessory) out.push(...elementProblems(`${where}.accessory`, b.accessory));
      break;
    }
    case 'context': {
      const els: Json[] = b.elements ?? [];
      if (!els.length || els.length > L.contextElements) out.push(`${where}: needs 1..${L.contextElements} elements`);
      for (const [j, el] of els.entries()) {
        if (el.type === 'image') continue;
        const p = textProblem(`${where}.elements[${j}]`, el, L.contextText);
        if (p) out.push(p);
      }
      break;
    }
    case 'actions': {
      const els: Json[] = b.elements ?? [];
      if (!els.length || els.length > L.actionsElements) out.push(`${where}: needs 1..${L.actionsElements} elements`);
      for (const [j, el] of els.entries()) out.push(...elementProblems(`${where}.elements[${j}]`, el));
      break;
    }
    case 'markdown':
      if (blank(b.text)) out.push(`${where}: text is empty`);
      break;
    case 'input': {
      const p = textProblem(`${where}.label`, b.label, L.inputLabel, true);
      if (p) out.push(p);
      if (b.element) out.push(...elementProblems(`${where}.element`, b.element));
      break;
    }
    case 'divider':
    case 'image':
    case 'rich_text':
      break;
    default:
      out.push(`${where}: unknown block type`);
  }
  return out;
}

/** Every limit the blocks break, as readable lines; empty when Slack will accept them. */
export function blockProblemsOf(blocks: readonly unknown[], surface: 'message' | 'view' = 'message'): string[] {
  const max = surface === 'message' ? L.messageBlocks : L.viewBlocks;
  const out: string[] = [];
  if (blocks.length > max) out.push(`${blocks.length} blocks, over ${max}`);
  const markdownTotal = blocks.reduce<number>((n, b) => n + ((b as Json)?.type === 'markdown' ? len((b as Json).text) : 0), 0);
  if (markdownTotal > L.markdownText) out.push(`markdown blocks hold ${markdownTotal} chars, over ${L.markdownText}`);
  blocks.forEach((b, i) => {
    out.push(...blockProblems(b as Json, i));
  });
  return out;
}

/** A view (modal or App Home): its blocks plus title, buttons and private_metadata. */
export function viewProblemsOf(view: Json): string[] {
  const out = blockProblemsOf(view.blocks ?? [], 'view');
  if (view.type === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      if (key !== 'title' && !view[key]) continue;
      const p = textProblem(`view.${key}`, view[key], key === 'title' ? L.viewTitle : L.viewButton, true);
      if (p) out.push(p);
    }
  }
  if (len(view.private_metadata) > L.privateMetadata) out.push(`view.private_metadata over ${L.privateMetadata}`);
  return out;
}

/**
 * The last check before a message leaves: blocks Slack would reject never go out. Builders are
 * tested to stay within the limits; if one slips (unexpected input), the offending blocks are
 * dropped and the message still arrives with its text, rather than failing with invalid_blocks.
 */
export function checkedMessage<M extends { text: string; blocks?: KnownBlock[] }>(message: M): M {
  if (!message.blocks) return message;
  const problems = blockProblemsOf(message.blocks);
  if (!problems.length) return message;
  const kept = message.blocks.filter((b, i) => blockProblems(b as Json, i).length === 0).slice(0, L.messageBlocks);
  log.warn({ problems: problems.slice(0, 5), dropped: message.blocks.length - kept.length }, 'blocks over Slack limits dropped before sending');
  const text = blank(message.text) ? 'Deskmate' : message.text;
  return { ...message, text, blocks: kept.length ? kept : undefined };
}

/**
 * Plain Block Kit JSON from a capability (which may not import Slack types) into typed blocks:
 * each block is checked against the limits here, and one Slack would reject is left out.
 */
export function asKnownBlocks(blocks: readonly Record<string, unknown>[]): KnownBlock[] {
  const kept = blocks.filter((b, i) => typeof b.type === 'string' && blockProblems(b as Json, i).length === 0);
  if (kept.length < blocks.length) log.warn({ dropped: blocks.length - kept.length }, 'blocks from a capability broke Slack limits and were left out');
  return kept.slice(0, L.messageBlocks) as unknown as KnownBlock[];
}
