import { terms } from '../text/tokenize.js';
import type { DocContext, ParsedCommit } from './types.js';
import { isCommitVerb } from './wording.js';

/**
 * Picks the docs sections (given by the caller's retriever) that are about the changed
 * feature: the commit scope named in the section, or several shared content words.
 */
function contentTerms(text: string): Set<string> {
  return new Set(terms(text).filter((t) => t.length > 2 && !/^\d+$/.test(t) && !isCommitVerb(t)));
}

export function relevantDocs(commits: ParsedCommit[], context: DocContext[] | undefined, max = 2): DocContext[] {
  if (!context?.length) return [];
  const commitTerms = contentTerms(commits.map((c) => c.summary + ' ' + (c.body ?? '')).join(' '));
  const scopes = new Set(commits.flatMap((c) => (c.scope ? terms(c.scope) : [])));
  const scored = context.map((doc, order) => {
    const docTerms = contentTerms(`${doc.section} ${doc.path} ${doc.text}`);
    let score = 0;
    for (const t of commitTerms) if (docTerms.has(t)) score += 1;
    for (const s of scopes) if (docTerms.has(s)) score += 2;
    return { doc, score, order };
  });
  return scored
    .filter((s) => s.score >= 2)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map((s) => s.doc);
}
