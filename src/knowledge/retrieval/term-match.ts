import { synonymsOf } from './synonyms.js';

/**
 * 1 when the stemmed term itself is among `terms`, 2 when a prefix relative ("follow" /
 * "followers", "full" / "fulltext") or a synonym ("see" / "view") is, 0 otherwise.
 */
export function termMatch(term: string, terms: string[]): 0 | 1 | 2 {
  if (terms.includes(term)) return 1;
  const syn = synonymsOf(term);
  for (const t of terms) {
    if (term.length >= 4 && t.length > term.length && t.startsWith(term)) return 2;
    if (t.length >= 5 && term.length > t.length && term.startsWith(t)) return 2;
    if (syn.includes(t)) return 2;
  }
  return 0;
}
