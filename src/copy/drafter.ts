import { extractFacts, type FactInventory, isTraceable } from './facts.js';
import { type CommitGroup, groupCommits, groupOf } from './parse.js';
import { charLength, sentences, shortenTo, xLength } from './text-rules.js';
import { type CopyText, type DocContext, LIMITS, type ParsedCommit } from './types.js';
import { capitalise, describeCommit, endSentence, itemText } from './wording.js';

/**
 * The offline drafter: plain copy built only from the parsed commits (and, when given, a
 * sentence of the docs about the changed feature). It may be dull; it must not be wrong,
 * so it never counts, compares or praises.
 */

export interface OfflineDraftInput {
  /** Notable commits, in input order. */
  commits: ParsedCommit[];
  productName?: string;
  /** Docs sections already judged relevant. */
  docs?: DocContext[];
  inventory: FactInventory;
}

const MAX_LIST_CHARS = 240;

const KIND_SENTENCE: Record<CommitGroup, string | null> = {
  feature: null,
  breaking: null,
  performance: 'It is a performance improvement.',
  fix: 'It is listed as a fix.',
  other: null,
};

function listSentence(lead: string, items: string[], maxChars = MAX_LIST_CHARS): string | null {
  if (items.length === 0) return null;
  let listed = '';
  let cut = false;
  for (const item of items) {
    const next = listed ? `${listed}; ${item}` : item;
    if (next.length > maxChars && listed) {
      cut = true;
      break;
    }
    listed = next;
  }
  return `${lead} ${listed}${cut ? '; and other changes' : ''}.`;
}

/** A docs sentence is used only when every fact in it is traceable to the commits. */
function docSentence(docs: DocContext[] | undefined, inventory: FactInventory): string | null {
  for (const doc of docs ?? []) {
    for (const s of sentences(doc.text.replace(/^#+\s.*$/gm, '').replace(/[*_`>]/g, ''))) {
      if (s.length < 30 || s.length > 220 || !/[.!?]$/.test(s) || /https?:\/\//.test(s)) continue;
      if (extractFacts(s).every((f) => f.kind !== 'reference' && isTraceable(f, inventory))) return s;
    }
  }
  return null;
}

function fit(text: string, limit: number, measure: (s: string) => number): string {
  return shortenTo(text, limit, measure, { ellipsis: true });
}

/** The first candidate that fits whole; otherwise the shortest, cut at a word. */
function fitHeadline(candidates: string[]): string {
  const clean = candidates.map((c) => capitalise((sentences(c)[0] ?? c).replace(/[.!?]+$/, '')));
  const whole = clean.find((c) => charLength(c) <= LIMITS.headline);
  if (whole) return whole;
  const shortest = clean.reduce((a, b) => (charLength(b) < charLength(a) ? b : a));
  return shortenTo(shortest, LIMITS.headline, charLength, { ellipsis: false });
}

export function draftOffline(input: OfflineDraftInput): CopyText {
  const { commits, productName } = input;
  const groups = groupCommits(commits);
  const lead = groups[0]?.commits[0] ?? commits[0];
  const leadGroup: CommitGroup = lead ? groupOf(lead) : 'other';
  const leadSentence = lead ? describeCommit(lead, leadGroup, productName) : `${productName ?? 'This release'} has a new release`;
  const others = commits.filter((c) => c !== lead);

  const breaking = commits.filter((c) => c.breaking);
  const breakingSentence =
    breaking.length === 0
      ? null
      : breaking.some((c) => c.breakingNotes.length > 0)
        ? `Breaking change: ${breaking.flatMap((c) => c.breakingNotes).join('; ')}.`
        : 'This includes a breaking change; read the changelog before upgrading.';
  const alsoSentence = listSentence('Also in this release:', others.map(itemText));
  const fromDocs = docSentence(input.docs, input.inventory);
  const scopeSentence = lead?.scope && others.length === 0 ? `The change is scoped to ${lead.scope}.` : null;
  // The commit type is the commit's own claim, so naming it adds no fact.
  const kindSentence = others.length === 0 ? KIND_SENTENCE[leadGroup] : null;
  const closing = 'The changelog has the technical details.';

  const candidates = [breakingSentence, alsoSentence, fromDocs, kindSentence, scopeSentence].filter((s): s is string => Boolean(s)).map(endSentence);
  const body = candidates.slice(0, 2);
  if (body.length === 0) body.push(closing);
  // A subject may hold several sentences; the blurb stays within 2–3.
  const leadParts = sentences(endSentence(leadSentence)).slice(0, 2);
  const blurb = [...leadParts, ...body].slice(0, 3).join(' ');

  const headline = fitHeadline([leadSentence, lead ? itemText(lead) : leadSentence]);
  const xRoom = LIMITS['captions.x'] - xLength(endSentence(leadSentence)) - 50;
  const xSecond = breakingSentence ?? listSentence('Also in this release:', others.map(itemText), xRoom) ?? kindSentence ?? closing;
  const x = fit([endSentence(leadSentence), xSecond].join(' '), LIMITS['captions.x'], xLength);
  const items = commits.map((c) => `- ${itemText(c)}`);
  const linkedin = [endSentence(leadSentence), items.length > 1 ? `What changed:\n${items.join('\n')}` : null, ...body.filter((s) => s !== alsoSentence)]
    .filter((s): s is string => Boolean(s))
    .join('\n\n');
  const changelog = commits
    .map((c) => [c.header.replace(/[.\s]+$/, ''), ...c.breakingNotes.map((n) => `BREAKING CHANGE: ${n}`)].join(' '))
    .join('; ');
  return {
    headline,
    blurb,
    captions: { x, linkedin: fit(linkedin, LIMITS['captions.linkedin'], charLength), mastodon: fit(blurb, LIMITS['captions.mastodon'], charLength) },
    changelog,
  };
}
