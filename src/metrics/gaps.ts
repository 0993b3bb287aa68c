import { queryTerms } from '../text/tokenize.js';
import { words } from '../text/tokenize.js';

/**
 * Knowledge gaps: questions Deskmate was unsure about or that people marked Not helpful, grouped by
 * the salient terms they share, so whoever owns the docs sees "12 questions about webhook retries"
 * rather than 12 loose lines. Greedy max-coverage clustering: deterministic and explainable.
 */

export interface GapCandidate {
  text?: string;
  topic?: string;
  lowConfidence: boolean;
  notHelpful: boolean;
}

export interface KnowledgeGap {
  /** The shared terms (as people wrote them), most common first. */
  terms: string[];
  questions: number;
  low_confidence: number;
  not_helpful: number;
  topics: string[];
  /** Up to three example questions (channel questions only: DM text is never stored). */
  examples: string[];
}

/** Words that carry no subject in a question to a colleague; they would glue unrelated questions. */
const FILLER = new Set(
  'get use set make need way know work help anyone someone somebody please thank thanks hi hey hello guy team question possible able should could there here any some all just also still now again want like try'.split(' '),
);

interface Item {
  candidate: GapCandidate;
  terms: Set<string>;
}

function salientTerms(c: GapCandidate, surface: Map<string, Map<string, number>>): Set<string> {
  const out = new Set<string>();
  // Slack markup (<@U123>, <#C1|name>, links) names people and places, not the subject.
  const text = (c.text ?? '').replace(/<[^>]*>/g, ' ');
  for (const w of words(text)) {
    if (FILLER.has(w) || /^\d+$/.test(w)) continue;
    const stemmed = queryTerms(w)[0];
    if (!stemmed || FILLER.has(stemmed)) continue;
    out.add(stemmed);
    const forms = surface.get(stemmed) ?? new Map<string, number>();
    forms.set(w, (forms.get(w) ?? 0) + 1);
    surface.set(stemmed, forms);
  }
  if (out.size === 0 && c.topic) out.add(`topic:${c.topic}`);
  return out;
}

function label(term: string, surface: Map<string, Map<string, number>>): string {
  if (term.startsWith('topic:')) return term.slice(6);
  const forms = [...(surface.get(term) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return forms[0]?.[0] ?? term;
}

export function clusterGaps(candidates: GapCandidate[], limit = 10): KnowledgeGap[] {
  const surface = new Map<string, Map<string, number>>();
  let pending: Item[] = candidates.map((candidate) => ({ candidate, terms: new Set<string>() }));
  for (const item of pending) item.terms = salientTerms(item.candidate, surface);
  const gaps: KnowledgeGap[] = [];
  while (pending.length > 0) {
    const counts = new Map<string, number>();
    for (const item of pending) for (const t of item.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const members = best ? pending.filter((i) => i.terms.has(best[0])) : pending;
    pending = best ? pending.filter((i) => !i.terms.has(best[0])) : [];
    gaps.push(summarise(members, best?.[0], surface));
  }
  return gaps.sort((a, b) => b.questions - a.questions).slice(0, limit);
}

function summarise(members: Item[], anchor: string | undefined, surface: Map<string, Map<string, number>>): KnowledgeGap {
  const freq = new Map<string, number>();
  for (const m of members) for (const t of m.terms) freq.set(t, (freq.get(t) ?? 0) + 1);
  // The anchor first, then other terms more than half the members share.
  const shared = [...freq.entries()]
    .filter(([t, n]) => t !== anchor && n * 2 > members.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t]) => t);
  const terms = (anchor ? [anchor, ...shared] : shared).slice(0, members.length > 1 ? 3 : 2).map((t) => label(t, surface));
  const examples: string[] = [];
  for (const m of members) {
    const text = m.candidate.text?.trim();
    if (text && !examples.includes(text) && examples.length < 3) examples.push(text);
  }
  const topics = [...new Set(members.map((m) => m.candidate.topic).filter((t): t is string => Boolean(t)))].sort();
  return {
    terms,
    questions: members.length,
    low_confidence: members.filter((m) => m.candidate.lowConfidence).length,
    not_helpful: members.filter((m) => m.candidate.notHelpful).length,
    topics,
    examples,
  };
}
