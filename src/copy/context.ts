import { terms } from '../text/tokenize.js';
import { extractFacts, type FactInventory, isTraceable } from './facts.js';
import type { Idea } from './phrasing.js';
import { sentences } from './text-rules.js';
import type { DocContext, ParsedCommit } from './types.js';
import { isCommitVerb } from './wording.js';

/**
 * Docs sections (from the caller's retriever) are used only when they are about the changed
 * feature: the section's title or path must name the commit's scope or one of its topic
 * words, not merely share words in the body. A page about rate limits that mentions
 * webhooks in passing is not about a webhooks commit.
 */
function contentTerms(text: string): Set<string> {
  return new Set(terms(text).filter((t) => t.length > 2 && !/^\d+$/.test(t) && !isCommitVerb(t)));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n += 1;
  return n;
}

export function relevantDocs(commits: ParsedCommit[], context: DocContext[] | undefined, max = 2): DocContext[] {
  if (!context?.length) return [];
  const commitTerms = contentTerms(commits.map((c) => c.summary).join(' '));
  const scopes = new Set(commits.flatMap((c) => (c.scope ? terms(c.scope) : [])));
  const scored = context.map((doc, order) => {
    const titleTerms = contentTerms(`${doc.section} ${doc.path.replace(/[/_.-]+/g, ' ')}`);
    const bodyTerms = contentTerms(doc.text);
    const titleHits = overlap(commitTerms, titleTerms) + 2 * overlap(scopes, titleTerms);
    const score = titleHits * 2 + overlap(commitTerms, bodyTerms);
    return { doc, titleHits, score, order };
  });
  return scored
    .filter((s) => s.titleHits >= 1 && s.score >= 3)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map((s) => s.doc);
}

/**
 * One docs sentence that explains the lead change: from a relevant section, naming the
 * change's topic itself, with every figure and name traceable to the commits.
 */
export function docSentence(docs: DocContext[] | undefined, idea: Idea, inventory: FactInventory): { sentence: string; doc: DocContext } | null {
  const topic = contentTerms(`${idea.scope ?? ''} ${idea.text}`);
  for (const doc of docs ?? []) {
    for (const s of sentences(doc.text.replace(/^#+\s.*$/gm, '').replace(/[*_`>]/g, ''))) {
      if (s.length < 30 || s.length > 220 || !/[.!?]$/.test(s) || /https?:\/\/|\s{2,}/.test(s) || /^[a-z]/.test(s)) continue;
      if (overlap(topic, contentTerms(s)) < 1) continue;
      if (extractFacts(s).every((f) => f.kind !== 'reference' && isTraceable(f, inventory))) return { sentence: s, doc };
    }
  }
  return null;
}
