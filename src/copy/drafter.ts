import type { BrandVoice } from './brand-voice.js';
import { limitFor } from './brand-voice.js';
import { docSentence } from './context.js';
import type { FactInventory } from './facts.js';
import { formatFigures, renderIdentifiers } from './identifiers.js';
import { type Idea, ideasOf, type Phrased, phrase } from './phrasing.js';
import { changelogEntry, NOTE_HEADING, type NoteKind, releaseItems } from './release-notes.js';
import { cleanGeneratedSentence } from './repair.js';
import { charLength, sentences, shortenTo, xLength } from './text-rules.js';
import type { CopyText, DocContext, ParsedCommit } from './types.js';

/**
 * The offline drafter: release copy written from the parsed commits alone (and, when given,
 * one sentence of the docs about the same feature). Each platform gets its own form: a
 * headline, a prose blurb, one X message, a Mastodon post led by the headline, a LinkedIn
 * paragraph with bullets, and a changelog grouped breaking / new / improved / fixed.
 */

export interface OfflineDraftInput {
  /** Every parsed commit, in input order; the drafter picks the user-facing ones. */
  commits: ParsedCommit[];
  productName?: string;
  /** Docs sections the caller retrieved; only one about the same feature is used. */
  docs?: DocContext[];
  inventory: FactInventory;
  voice: BrandVoice;
}

export interface OfflineDraft {
  copy: CopyText;
  /** The docs sections a sentence was taken from, for the citation. */
  docsUsed: DocContext[];
}

interface Line {
  idea: Idea;
  phrased: Phrased;
}

/** Breaking first (always flagged), then a change with a speed figure, then new, improved, fixed. */
function rank(l: Line): number {
  const order: Record<NoteKind, number> = { breaking: 0, new: 2, improved: 3, fixed: 4 };
  return l.idea.kind !== 'breaking' && l.idea.speedFigure ? 1 : order[l.idea.kind];
}

function lowerStart(text: string): string {
  return /^[A-Z][a-z]+\b/.test(text) && !/^[A-Z][a-z]+[A-Z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** "a, b and c" within a budget; what does not fit becomes "and more". */
function joinList(items: string[], maxChars: number): string {
  const kept: string[] = [];
  for (const item of items) {
    if (kept.length && [...kept, item].join(', ').length > maxChars) break;
    kept.push(item);
  }
  const more = kept.length < items.length;
  if (kept.length === 1) return more ? `${kept[0]} and more` : kept[0];
  return more ? `${kept.join(', ')} and more` : `${kept.slice(0, -1).join(', ')} and ${kept[kept.length - 1]}`;
}

function fitHeadline(candidates: string[], limit: number): string {
  const whole = candidates.find((c) => charLength(c) <= limit);
  if (whole) return whole;
  // Cut the shorter sentence form (without the product name) rather than the bare commit text.
  return shortenTo(candidates[Math.min(1, candidates.length - 1)], limit, charLength, { ellipsis: false });
}

export function draftOffline(input: OfflineDraftInput): OfflineDraft {
  const { productName, voice } = input;
  const items = releaseItems(input.commits);
  const subject = productName?.trim() || null;
  const lines: Line[] = items
    .flatMap((it) => ideasOf(it.commit, it.kind, voice.identifiers))
    .map((idea) => ({ ...idea, text: cleanGeneratedSentence(idea.text, voice), breakingNotes: idea.breakingNotes.map((n) => cleanGeneratedSentence(n, voice)) }))
    .filter((idea) => idea.text.split(/\s+/).length >= 2 || idea.text.length > 3)
    .map((idea) => ({ idea, phrased: phrase(idea, subject) }));
  const ordered = lines.map((l, i) => ({ l, i })).sort((a, b) => rank(a.l) - rank(b.l) || a.i - b.i).map((x) => x.l);
  const lead = ordered[0];
  const others = ordered.slice(1);
  const breaking = ordered.filter((l) => l.idea.kind === 'breaking');

  const headlineLimit = limitFor('headline', voice) ?? 70;
  const headline = lead ? fitHeadline([lead.phrased.headline, ...lead.phrased.shorter], headlineLimit) : `${subject ?? 'This release'} has a new release`;
  const leadSentence = lead?.phrased.sentence ?? `${headline}.`;

  const notes = breaking.flatMap((l) => l.idea.breakingNotes).filter(Boolean);
  const breakingSentence =
    breaking.length === 0
      ? null
      : notes.length
        ? `Breaking change: ${lowerStart(notes[0]).replace(/[.\s]+$/, '')}.`
        : breaking.length > 1
          ? 'It has breaking changes; read the changelog before upgrading.'
          : 'This is a breaking change; read the changelog before upgrading.';
  const nonBreakingOthers = others.filter((l) => l.idea.kind !== 'breaking');
  const alsoSentence = nonBreakingOthers.length ? `Also in this release: ${joinList(nonBreakingOthers.map((l) => lowerStart(l.phrased.item)), 200)}.` : null;
  const fromDocs = lead ? docSentence(input.docs, lead.idea, input.inventory) : null;
  const closing = 'The changelog has the details.';
  // With one other change its own sentence reads better than a one-item list.
  const room = 3 - 1 - (breakingSentence ? 1 : 0);
  const second = nonBreakingOthers.length > 0 && nonBreakingOthers.length <= room ? nonBreakingOthers.map((l) => l.phrased.sentence).join(' ') : alsoSentence;
  const bodySentence = lead ? explanation(lead.idea, voice.identifiers) : null;

  const blurbParts = [leadSentence, breakingSentence, second, fromDocs?.sentence, bodySentence].filter((s): s is string => Boolean(s)).flatMap((s) => sentences(s)).slice(0, 3);
  if (blurbParts.length < 2) blurbParts.push('Update to the latest release to get it.');
  const blurb = blurbParts.join(' ');

  // X: one message, the headline's claim and the one thing a reader must know next.
  const xLimit = limitFor('captions.x', voice) ?? 280;
  const xShortAlso = nonBreakingOthers.length ? `Also: ${joinList(nonBreakingOthers.map((l) => lowerStart(l.phrased.item)), Math.max(40, xLimit - xLength(leadSentence) - 80))}.` : null;
  const xParts = [leadSentence, breaking.length ? 'Breaking changes inside: check the changelog before upgrading.' : null, xShortAlso];
  const x = shortenTo(xParts.filter(Boolean).join(' '), xLimit, xLength, { ellipsis: true });

  // Mastodon: the headline on its own line, then the prose, then a short list.
  const mastodonLimit = limitFor('captions.mastodon', voice) ?? 500;
  const mastodonList = others.slice(0, 4).map((l) => `- ${l.phrased.item}`);
  const mastodonBody = [leadSentence, breakingSentence, fromDocs?.sentence].filter(Boolean).join(' ');
  const headlineLine = headline + (/[.!?]$/.test(headline) ? '' : '.');
  // When the headline already is the lead sentence, saying it twice is padding: close instead.
  const sameAsLead = headlineLine.toLowerCase() === leadSentence.toLowerCase();
  const mastodon = fitBlocks(sameAsLead ? [mastodonBody, mastodonList.join('\n') || closing] : [headlineLine, mastodonBody, mastodonList.join('\n')], mastodonLimit);

  // LinkedIn: a short paragraph, then bullets labelled by kind.
  const linkedinLimit = limitFor('captions.linkedin', voice) ?? 1300;
  const paragraph = [leadSentence, breakingSentence ?? fromDocs?.sentence].filter(Boolean).join(' ');
  const bullets = ordered.slice(0, 10).map((l) => (l.idea.kind === 'breaking' ? `• Breaking: ${l.phrased.item}` : `• ${NOTE_HEADING[l.idea.kind]}: ${l.phrased.labelled}`));
  const more = ordered.length > 10 ? 'More in the changelog.' : closing;
  const linkedin = fitBlocks([paragraph, `What changed:\n${bullets.join('\n')}`, more], linkedinLimit);

  return {
    copy: { headline, blurb, captions: { x, linkedin, mastodon }, changelog: changelogEntry(items) },
    docsUsed: fromDocs ? [fromDocs.doc] : [],
  };
}

/**
 * The commit body's first plain sentence, when it explains the lead change: the commit's
 * own words, so it adds no claim. Lists, code and long lines are skipped.
 */
function explanation(idea: Idea, style: BrandVoice['identifiers']): string | null {
  const prose = (idea.body ?? '').split(/\n{2,}/).find((p) => p.trim() && !/^\s*(?:[-*•]|\d+[.)]|BREAKING|```|\s{4})/.test(p));
  const first = prose ? prose.replace(/\s*\n\s*/g, ' ').trim().split(/(?<=[.!?])\s+/)[0] : null;
  if (!first || first.length < 25 || first.length > 200 || !/[.!?]$/.test(first) || !/^[A-Z]/.test(first) || /`|https?:\/\/|\s{2,}/.test(first)) return null;
  return formatFigures(renderIdentifiers(first, style));
}

/** Joins blocks with blank lines, dropping whole list lines (then whole blocks) to fit. */
function fitBlocks(blocks: string[], limit: number): string {
  const parts = blocks.filter((b) => b.trim());
  let text = parts.join('\n\n');
  while (charLength(text) > limit && parts.length > 1) {
    const last = parts[parts.length - 1].split('\n');
    if (last.length > 1) parts[parts.length - 1] = last.slice(0, -1).join('\n');
    else parts.pop();
    text = parts.join('\n\n');
  }
  return charLength(text) > limit ? shortenTo(text, limit, charLength, { ellipsis: true }) : text;
}
