import fs from 'node:fs';
import path from 'node:path';

/**
 * A deterministic, seeded synthetic API-docs corpus for `npm run bench`: Markdown files whose
 * `## Heading` sections (one chunk each after ingest) read like endpoint reference pages, built
 * from a few thousand invented words so that vectors and BM25 postings look like real docs'
 * (skewed word frequencies, shared boilerplate, distinct resource names).
 */

/** mulberry32: tiny, fast, good enough for test data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mer', 'dan', 'tri', 'vos', 'pel', 'nor', 'quin', 'sa', 'tor', 'bri', 'zen', 'fal', 'gor', 'hu', 'lin', 'mo', 'rex', 'sil', 'ta', 'ven', 'wyn', 'yar', 'ost', 'cal', 'dre', 'eth', 'fin', 'gra'];
const COMMON = ['the', 'a', 'an', 'of', 'to', 'and', 'or', 'is', 'are', 'for', 'with', 'when', 'this', 'that', 'each', 'returns', 'request', 'response', 'field', 'value', 'must', 'can', 'be', 'by', 'in', 'on', 'if', 'not', 'only', 'set'];
const VERBS = ['create', 'update', 'delete', 'list', 'fetch', 'archive', 'restore', 'rotate', 'export', 'import', 'verify', 'cancel', 'refund', 'assign', 'merge'];
const METHODS: Record<string, string> = { create: 'POST', update: 'PATCH', delete: 'DELETE', list: 'GET', fetch: 'GET', archive: 'POST', restore: 'POST', rotate: 'POST', export: 'GET', import: 'POST', verify: 'POST', cancel: 'POST', refund: 'POST', assign: 'PUT', merge: 'POST' };
const TYPES = ['string', 'integer', 'boolean', 'timestamp', 'enum', 'array', 'object'];

export interface Vocabulary {
  words: string[];
  resources: string[];
  /** Per resource, the words its docs keep coming back to: real docs are topical (low-rank), not bags of random words. */
  topics: string[][];
}

export function makeVocabulary(rand: () => number, size = 3000, resourceCount = 400): Vocabulary {
  const seen = new Set<string>();
  while (seen.size < size) {
    const parts = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    seen.add(w);
  }
  const words = [...seen];
  const topics = Array.from({ length: resourceCount }, () => Array.from({ length: 60 }, () => words[Math.floor(rand() * words.length)]));
  return { words, resources: words.slice(0, resourceCount), topics };
}

/** Zipf-ish pick: low indexes far more often, like real word frequencies. */
function zipf(rand: () => number, list: string[]): string {
  return list[Math.floor(list.length * Math.pow(rand(), 2.2))];
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function sentence(rand: () => number, vocab: Vocabulary, words: number, topic?: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = rand();
    out.push(r < 0.35 ? pick(rand, COMMON) : topic && r < 0.8 ? zipf(rand, topic) : zipf(rand, vocab.words));
  }
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

/** One `## Heading` section of roughly 400–700 characters. */
function section(rand: () => number, vocab: Vocabulary, resource: string): string {
  const topic = vocab.topics[vocab.resources.indexOf(resource)];
  const verb = pick(rand, VERBS);
  const qualifier = zipf(rand, topic);
  const lines = [`## ${verb[0].toUpperCase()}${verb.slice(1)} ${qualifier} ${resource}`, ''];
  const idPart = verb === 'list' || verb === 'create' ? '' : '/{id}';
  lines.push(`\`${METHODS[verb]} /v1/${resource}s${idPart}${rand() < 0.3 ? `/${qualifier}` : ''}\``, '');
  lines.push(`${sentence(rand, vocab, 10 + Math.floor(rand() * 8), topic)} ${sentence(rand, vocab, 8 + Math.floor(rand() * 8), topic)}`, '');
  lines.push('Parameters:', '');
  const params = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < params; i++) {
    lines.push(`- \`${zipf(rand, topic)}_${pick(rand, ['id', 'at', 'count', 'mode', 'name', 'limit'])}\` (${pick(rand, TYPES)}${rand() < 0.4 ? ', required' : ''}): ${sentence(rand, vocab, 5 + Math.floor(rand() * 6), topic)}`);
  }
  let text = lines.join('\n');
  while (text.length < 400) text += '\n\n' + sentence(rand, vocab, 10, topic);
  return text.length > 700 ? text.slice(0, text.lastIndexOf(' ', 700)) + '.' : text;
}

export interface SyntheticCorpus {
  dir: string;
  files: number;
  sections: number;
  vocabulary: Vocabulary;
}

/**
 * Writes `sections` sections into files of `perFile` sections each under `dir`. Each file has an
 * H1 title (skipped by the loader as a heading-only topic) and several H2s, so one H2 → one chunk.
 */
export function writeSyntheticCorpus(dir: string, sections: number, seed = 42, perFile = 8): SyntheticCorpus {
  const rand = seededRandom(seed);
  const vocabulary = makeVocabulary(rand);
  fs.mkdirSync(dir, { recursive: true });
  const files = Math.ceil(sections / perFile);
  let written = 0;
  for (let f = 0; f < files; f++) {
    const resource = vocabulary.resources[f % vocabulary.resources.length];
    const count = Math.min(perFile, sections - written);
    const parts = [`# ${resource[0].toUpperCase()}${resource.slice(1)} API (part ${f})`, ''];
    for (let s = 0; s < count; s++) parts.push(section(rand, vocabulary, resource), '');
    written += count;
    const sub = path.join(dir, `area-${String(f % 50).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `${resource}-${f}.md`), parts.join('\n'));
  }
  return { dir, files, sections: written, vocabulary };
}

/** Questions a developer might ask, built from the same vocabulary (and so findable in the corpus). */
export function syntheticQuestions(vocabulary: Vocabulary, count: number, seed = 7): string[] {
  const rand = seededRandom(seed);
  const forms = [
    (v: string, r: string, w: string) => `How do I ${v} a ${w} ${r}?`,
    (v: string, r: string, w: string) => `Which endpoint should I call to ${v} ${r}s with ${w}?`,
    (_v: string, r: string, w: string) => `What does the ${w} parameter do on ${r}?`,
    (v: string, r: string, w: string) => `Can I ${v} the ${r} ${w} in one request?`,
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(rand() * vocabulary.resources.length);
    out.push(pick(rand, forms)(pick(rand, VERBS), vocabulary.resources[r], zipf(rand, vocabulary.topics[r])));
  }
  return out;
}
