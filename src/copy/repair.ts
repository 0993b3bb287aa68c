import { extractFacts, type FactInventory, isTraceable } from './facts.js';
import { bannedPhrasePattern, checkCopy, checkField, emojiAllowance, fieldText, type GuardContext, lengthOf, withField } from './guards.js';
import { limitFor } from './brand-voice.js';
import { sentences, shortenTo, stripCommitSyntax, stripEmoji, stripPrivate, tidy } from './text-rules.js';
import { BLURB_SENTENCES, COPY_FIELDS, type CopyField, type CopyText, type Violation, type ViolationRule } from './types.js';

/**
 * Deterministic repair after the checks: strip commit syntax and surplus emoji, rewrite or
 * remove banned phrases, drop clauses that carry untraceable facts, fit the budgets. A field
 * that still fails is replaced by the offline drafter's field when one is given.
 */

const BLANK = '\u0000';

function capitaliseSentenceStarts(text: string): string {
  return text.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_m, lead: string, ch: string) => lead + ch.toUpperCase());
}

const DANGLING = /\s+(?:and|or|but|nor|with|without|to|of|for|at|by|from|than|via|into|onto|the|a|an|its|their|our|your)(?=\s*(?:[.!?,;:]|$))/gi;
const EMPTY_PREDICATE = /\b(?:is|are|was|were|be|been|being|now|has|have|gets|get|makes|make)\s*[.!?]?$/i;

/**
 * A sentence that lost words (a banned phrase, a clause with an invented figure) is rewritten
 * to stand on its own: a conjunction, preposition or article left hanging goes, and a sentence
 * whose predicate was removed ("The parser is.") is dropped rather than published half-made.
 */
function repairGrammar(text: string): string {
  return text
    .split(/(\n+)/)
    .map((part) => {
      if (part.startsWith('\n')) return part;
      const bullet = /^\s*(?:[-*•]\s+|\d+[.)]\s+)/.exec(part)?.[0] ?? '';
      const repaired = repairLine(part.slice(bullet.length));
      return repaired ? bullet + repaired : '';
    })
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function repairLine(text: string): string {
  const out: string[] = [];
  for (const raw of sentences(text)) {
    const end = /[.!?]$/.test(raw) ? raw.slice(-1) : '';
    let body = end ? raw.slice(0, -1) : raw;
    let prev = '';
    while (prev !== body) {
      prev = body;
      body = body
        .replace(DANGLING, '')
        .replace(/\b(and|or|but|with|to|of|for)\s+(?=(?:and|or|but)\b)/gi, '')
        .replace(/^\s*(?:and|or|but|also|so)\s+/i, '')
        .replace(/[,;]\s*(?=[,;:]|$)|:\s*(?=[,;:])/g, '')
        .replace(/\s{2,}/g, ' ')
        .trim();
    }
    if (!body || (body.split(/\s+/).length >= 2 && EMPTY_PREDICATE.test(body))) continue;
    out.push(capitaliseSentenceStarts(body + end));
  }
  return out.join(' ');
}

/** For text the drafter writes from a commit: the voice's banned phrases go, and the sentence is repaired. */
export function cleanGeneratedSentence(text: string, voice: GuardContext['voice']): string {
  const out = removeBannedPhrases(text, { voice });
  if (out === text) return text;
  const lowered = /^\p{Ll}/u.test(text) ? out.replace(/^(\p{Lu})(?=\p{Ll}+\b|\s)/u, (c) => c.toLowerCase()) : out;
  return lowered.replace(/[.!?]$/, '');
}

export function removeBannedPhrases(text: string, ctx: Pick<GuardContext, 'voice'>): string {
  let out = text;
  for (const { phrase, replacement } of ctx.voice.banned) {
    out = out.replace(bannedPhrasePattern(phrase), replacement ?? BLANK);
  }
  if (!out.includes(BLANK)) return out;
  // "a seamless upgrade" → "an upgrade": fix the article the removal left in front of a new word.
  out = out.replace(new RegExp(`\\b([Aa])n?\\s+${BLANK}\\s*(\\p{L})`, 'gu'), (_m, a: string, next: string) => `${/[aeiou]/i.test(next) ? `${a}n` : a} ${next}`);
  out = out.replace(new RegExp(`\\s*${BLANK}\\s*`, 'g'), ' ');
  return repairGrammar(capitaliseSentenceStarts(tidy(out)));
}

function hasUntraceable(text: string, inventory: FactInventory, allowReferences: boolean): boolean {
  return extractFacts(text).some((f) => (f.kind === 'reference' ? !allowReferences || !inventory.keys.has(f.key) : !isTraceable(f, inventory)));
}

/** Drops the clauses (or whole sentences) that carry a fact the input does not support. */
export function removeUntraceableClauses(text: string, inventory: FactInventory, allowReferences: boolean): string {
  const kept: string[] = [];
  for (const sentence of sentences(text)) {
    if (!hasUntraceable(sentence, inventory, allowReferences)) {
      kept.push(sentence);
      continue;
    }
    const end = /[.!?]$/.test(sentence) ? sentence.slice(-1) : '';
    const body = end ? sentence.slice(0, -1) : sentence;
    const parts = body.split(/(,\s+|;\s+|\s+[—–]\s+|\s+-\s+)/);
    let rebuilt = '';
    for (let i = 0; i < parts.length; i += 2) {
      const clause = parts[i];
      if (!clause.trim() || hasUntraceable(clause, inventory, allowReferences)) continue;
      rebuilt += rebuilt ? (parts[i - 1] ?? ', ') + clause : clause;
    }
    rebuilt = repairGrammar(rebuilt.trim() + end);
    if (rebuilt && !hasUntraceable(rebuilt, inventory, allowReferences)) kept.push(capitaliseSentenceStarts(rebuilt));
  }
  return kept.join(text.includes('\n') ? '\n' : ' ');
}

/** Commit syntax goes, `code` spans stay (the voice keeps identifiers as code). */
function stripCommitSyntaxKeepingCode(text: string): string {
  const spans: string[] = [];
  const held = text.replace(/`[^`\n]+`/g, (m) => `\u0001${spans.push(m) - 1}\u0001`);
  return stripCommitSyntax(held).replace(/\u0001(\d+)\u0001/g, (_m, i: string) => spans[Number(i)]);
}

/** One field through every repair step, in an order where later steps cannot undo earlier ones. */
function repairField(field: CopyField, text: string, ctx: GuardContext, fallback?: CopyText): string {
  let out = stripPrivate(field === 'changelog' ? text : ctx.voice.identifiers === 'code' ? stripCommitSyntaxKeepingCode(text) : stripCommitSyntax(text));
  const allowance = emojiAllowance(field, ctx.voice);
  if (allowance !== Infinity) out = stripEmoji(out, allowance);
  out = removeBannedPhrases(out, ctx);
  out = removeUntraceableClauses(out, ctx.inventory, field === 'changelog');
  if (field === 'blurb') {
    let parts = sentences(out).slice(0, BLURB_SENTENCES.max);
    for (const extra of fallback ? sentences(fallback.blurb) : []) {
      if (parts.length >= BLURB_SENTENCES.min) break;
      if (!parts.includes(extra)) parts.push(extra);
    }
    if (parts.length < BLURB_SENTENCES.min) parts = [...parts, 'Details are in the changelog.'];
    out = parts.join(' ');
  }
  if (field !== 'changelog') out = repairGrammar(out.replace(/[ \t]{2,}/g, ' '));
  const limit = limitFor(field, ctx.voice);
  if (limit !== undefined) out = shortenTo(out, limit, (s) => lengthOf(field, s), { ellipsis: field !== 'headline' });
  return out.trim();
}

const REPAIR_ACTION: Record<ViolationRule, string> = {
  banned_phrase: 'rewrote or removed the phrase',
  emoji: 'removed the emoji',
  commit_syntax: 'removed the commit syntax',
  length: 'shortened',
  sentences: 'trimmed or completed the blurb',
  fact: 'rewrote the sentence without the clause that carried it',
  private: 'removed it',
  grammar: 'rewrote the sentence',
};

const key = (v: Omit<Violation, 'fixed'>) => `${v.rule}|${v.field}|${v.detail}`;

/**
 * Checks, repairs and re-checks. Every finding of the first check is reported: `fixed: true`
 * when the final copy no longer has it, `fixed: false` when it does. New findings the repair
 * could not avoid are reported unfixed.
 */
export function guardCopy(copy: CopyText, ctx: GuardContext, fallback?: CopyText): { copy: CopyText; violations: Violation[] } {
  const before = checkCopy(copy, ctx);
  let repaired = copy;
  const replaced = new Set<CopyField>();
  for (const field of COPY_FIELDS) {
    if (!before.some((v) => v.field === field)) continue;
    let text = repairField(field, fieldText(copy, field), ctx, fallback);
    if (fallback && (checkField(field, text, ctx).length > 0 || !text)) {
      text = fieldText(fallback, field);
      replaced.add(field);
    }
    repaired = withField(repaired, field, text);
  }
  const after = checkCopy(repaired, ctx);
  const remaining = new Set(after.map(key));
  const violations: Violation[] = before.map((v) =>
    remaining.has(key(v)) ? { ...v, fixed: false } : { ...v, fixed: true, repair: replaced.has(v.field) ? 'replaced the field with the offline draft' : REPAIR_ACTION[v.rule] },
  );
  const reported = new Set(before.map(key));
  for (const v of after) if (!reported.has(key(v))) violations.push({ ...v, fixed: false });
  return { copy: repaired, violations };
}
