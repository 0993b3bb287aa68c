import type { CommitGroup } from './parse.js';
import type { ParsedCommit } from './types.js';

/**
 * Turns commit descriptions ("add solidjs templates") into plain user-facing sentences
 * ("Vite now adds solidjs templates"). Only grammar changes: no word is added that could
 * carry a claim the commit does not make.
 */

/** Imperative verbs that commit subjects commonly start with. */
const COMMIT_VERBS = new Set(
  (
    'accept add adjust allow apply avoid bump cache change check clean clear convert create default defer deprecate detect disable display drop emit enable ensure ' +
    'expose extend fall fix generate handle hide honor honour ignore implement improve include infer inline introduce keep limit load log make merge move ' +
    'normalize normalise optimize optimise pass preserve prevent print provide reduce reject release remove rename replace report resolve respect restore ' +
    'return reuse revert run send set show skip sort speed split start stop support switch throw treat trim update upgrade use validate warn watch write'
  ).split(' '),
);

export function isCommitVerb(word: string): boolean {
  return COMMIT_VERBS.has(word.toLowerCase());
}

export function thirdPerson(verb: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return verb + 'es';
  if (/[^aeiou]y$/.test(verb)) return verb.slice(0, -1) + 'ies';
  return verb + 's';
}

/** Upper-cases the first letter of plain words only: identifiers ("useFoo", "fs.stat") keep their case. */
export function capitalise(text: string): string {
  const first = text.split(/\s/, 1)[0] ?? '';
  if (!/^[a-z]+[,:;]?$/.test(first)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const GROUP_LABEL: Record<CommitGroup, string> = {
  feature: 'New in',
  breaking: 'Changed in',
  performance: 'Performance work in',
  fix: 'Fixed in',
  other: 'Updated in',
};

/** One sentence (no final period) saying what a commit changes, led by the product name when known. */
export function describeCommit(c: ParsedCommit, group: CommitGroup, productName?: string): string {
  const summary = c.summary || c.header;
  const [first, ...rest] = summary.split(/\s+/);
  if (first && isCommitVerb(first) && rest.length > 0) {
    const verb = thirdPerson(first.toLowerCase());
    return productName ? `${productName} now ${verb} ${rest.join(' ')}` : `${capitalise(verb)} ${rest.join(' ')}`;
  }
  return productName ? `${GROUP_LABEL[group]} ${productName}: ${summary}` : capitalise(summary);
}

/** A list item for captions and blurbs: the description as written, capitalised. */
export function itemText(c: ParsedCommit): string {
  return capitalise(c.summary || c.header);
}

export function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
