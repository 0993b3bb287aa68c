import type { BrandVoice } from './brand-voice.js';
import { type FactInventory, untraceableFacts } from './facts.js';
import { limitFor } from './brand-voice.js';
import { charLength, findCommitSyntax, findEmoji, findGrammarProblems, findPrivate, sentences, xLength } from './text-rules.js';
import { BLURB_SENTENCES, type CopyField, type CopyText, type Violation } from './types.js';

/**
 * The checks every draft passes through, LLM or offline. Pure: the same copy, voice and
 * inputs always give the same findings. Findings come back unfixed; repair.ts decides.
 */

export interface GuardContext {
  voice: BrandVoice;
  inventory: FactInventory;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "blazing fast" also matches "blazing-fast"; a one-word entry also matches its common endings. */
export function bannedPhrasePattern(phrase: string): RegExp {
  const parts = phrase.trim().split(/[\s-]+/).map(escapeRegExp);
  const body = parts.join('[\\s-]+');
  const endings = parts.length === 1 ? '(?:s|es|d|ed|ing|ly|ally|ness)?' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${endings}(?![\\p{L}\\p{N}])`, 'giu');
}

export function findBannedPhrases(text: string, voice: BrandVoice): Array<{ phrase: string; match: string }> {
  const found: Array<{ phrase: string; match: string }> = [];
  for (const { phrase } of voice.banned) {
    for (const m of text.matchAll(bannedPhrasePattern(phrase))) found.push({ phrase, match: m[0] });
  }
  return found;
}

export function fieldText(copy: CopyText, field: CopyField): string {
  switch (field) {
    case 'headline':
      return copy.headline;
    case 'blurb':
      return copy.blurb;
    case 'changelog':
      return copy.changelog;
    case 'captions.x':
      return copy.captions.x;
    case 'captions.linkedin':
      return copy.captions.linkedin;
    case 'captions.mastodon':
      return copy.captions.mastodon;
  }
}

export function withField(copy: CopyText, field: CopyField, text: string): CopyText {
  if (field.startsWith('captions.')) {
    const key = field.slice('captions.'.length) as keyof CopyText['captions'];
    return { ...copy, captions: { ...copy.captions, [key]: text } };
  }
  return { ...copy, [field]: text } as CopyText;
}

/** Emoji allowed in a field: none in headlines (unless the voice says so), a few in prose. */
export function emojiAllowance(field: CopyField, voice: BrandVoice): number {
  if (field === 'changelog') return Infinity;
  if (field === 'headline') return voice.emoji.headline ? voice.emoji.maxPerCaption : 0;
  return voice.emoji.maxPerCaption;
}

export function lengthOf(field: CopyField, text: string): number {
  return field === 'captions.x' ? xLength(text) : charLength(text);
}

export function checkField(field: CopyField, text: string, ctx: GuardContext): Omit<Violation, 'fixed'>[] {
  const out: Omit<Violation, 'fixed'>[] = [];
  if (!text.trim()) out.push({ rule: 'length', field, detail: 'empty' });
  for (const b of findBannedPhrases(text, ctx.voice)) out.push({ rule: 'banned_phrase', field, detail: `banned phrase "${b.match}"` });
  const emoji = findEmoji(text);
  const allowed = emojiAllowance(field, ctx.voice);
  if (emoji.length > allowed) out.push({ rule: 'emoji', field, detail: allowed === 0 ? `emoji not allowed here (${emoji.join('')})` : `${emoji.length} emoji, at most ${allowed} allowed` });
  if (field !== 'changelog') {
    for (const s of findCommitSyntax(text, { codeSpans: ctx.voice.identifiers === 'code' })) out.push({ rule: 'commit_syntax', field, detail: s });
    for (const g of findGrammarProblems(text)) out.push({ rule: 'grammar', field, detail: g });
  }
  for (const p of findPrivate(text)) out.push({ rule: 'private', field, detail: p });
  for (const f of untraceableFacts(text, ctx.inventory, { allowReferences: field === 'changelog' })) {
    // In prose a PR reference is commit syntax (reported above), not an invented fact.
    if (f.kind === 'reference' && field !== 'changelog') continue;
    out.push({ rule: 'fact', field, detail: `untraceable ${f.kind} "${f.text}"` });
  }
  const limit = limitFor(field, ctx.voice);
  if (limit !== undefined) {
    const length = lengthOf(field, text);
    if (length > limit) out.push({ rule: 'length', field, detail: `${length} characters, limit ${limit}` });
  }
  if (field === 'blurb') {
    const n = sentences(text).length;
    if (n < BLURB_SENTENCES.min || n > BLURB_SENTENCES.max) out.push({ rule: 'sentences', field, detail: `${n} sentences, want ${BLURB_SENTENCES.min}–${BLURB_SENTENCES.max}` });
  }
  return out;
}

const FIELDS: CopyField[] = ['headline', 'blurb', 'captions.x', 'captions.linkedin', 'captions.mastodon', 'changelog'];

/** Every rule over every field. An empty list means the copy may go to a human for approval. */
export function checkCopy(copy: CopyText, ctx: GuardContext): Omit<Violation, 'fixed'>[] {
  return FIELDS.flatMap((field) => checkField(field, fieldText(copy, field), ctx));
}
