import type { Chunk } from '../../ports/chunk.js';
import type { Hit, Retrieval } from '../retrieval/retriever.js';
import type { SchemaGraph } from '../../schema/schema-graph.js';
import { queryTerms } from '../../text/tokenize.js';
import { termMatch } from '../retrieval/term-match.js';
import { questionShape, wholeBlocks, type QuestionShape } from './answer-shape.js';

/**
 * The offline answer: for the best sections, their endpoint signature, the sentences that share
 * the most (IDF-weighted) terms with the question, parameter or column facts, and numbered
 * citations. Nothing is generated, so nothing can be invented.
 */
export interface ExtractiveAnswer {
  text: string;
  /** Indexes into retrieval.hits that the answer quotes. */
  used: number[];
}

const MAX_SECTIONS = 3;
const MAX_SENTENCES = 3;
/** A runner-up section shows this many sentences: its key line. */
const RUNNER_UP_SENTENCES = 1;

/** Markdown links as their text: a relative doc link means nothing in a chat answer. */
function plainLinks(text: string): string {
  return text.replace(/(?<!!)\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1');
}

export function extractAnswer(question: string, retrieval: Retrieval, graph: SchemaGraph, idf: (t: string) => number): ExtractiveAnswer {
  const { hits } = retrieval;
  if (!hits.length) return { text: 'I found nothing in the docs about this.', used: [] };
  const terms = queryTerms(question);
  const top = hits[0].score;
  const used = hits.map((h, i) => ({ h, i })).filter(({ h, i }) => i === 0 || h.score >= top * 0.85).slice(0, MAX_SECTIONS);
  const parts: string[] = [];

  for (const name of retrieval.linkingTables) {
    const t = graph.table(name);
    if (!t) continue;
    const fks = t.foreignKeys.map((fk) => `${fk.name ? `${fk.name} ` : ''}(${fk.columns.join(', ')} → ${fk.refTable})`).join(', ');
    const cite = hits.findIndex((h) => h.chunk.kind === 'sql-table' && tableOf(h.chunk) === name);
    parts.push(`\`${name}\` links ${retrieval.tablesMentioned.filter((m) => m !== name).join(' and ')}: its foreign keys ${fks}.${cite >= 0 ? ` [${cite + 1}]` : ''}`);
  }

  const shape = questionShape(question);
  // The best section in full; the close runners-up with their key line only, so the reader can pick.
  for (const { h, i } of used) parts.push(describeHit(h, i + 1, terms, graph, idf, i === used[0]!.i ? shape : null));
  return { text: parts.join('\n\n'), used: used.map((u) => u.i) };
}

function tableOf(chunk: Chunk): string {
  if (typeof chunk.meta?.table === 'string') return chunk.meta.table.toLowerCase();
  return chunk.section.replace(/^table\s+/i, '').toLowerCase();
}

function lastHeading(section: string): string {
  const parts = section.split(' > ');
  return parts[parts.length - 1].trim();
}

/** `shape` is null for a runner-up: its key line only. */
function describeHit(hit: Hit, n: number, terms: string[], graph: SchemaGraph, idf: (t: string) => number, shape: QuestionShape | null): string {
  const c = hit.chunk;
  const lines: string[] = [];
  const signature = signatures(c);
  lines.push(`*${lastHeading(c.section)}*${signature.length ? ` — ${signature.map((s) => `\`${s}\``).join(', ')}` : ''} [${n}]`);
  let sentences = bestSentences(c.text, terms, idf, signature).slice(0, shape ? MAX_SENTENCES : RUNNER_UP_SENTENCES);
  // Tables have their columns and keys below; other sections may show whole blocks.
  const whole = shape && c.kind !== 'sql-table' ? wholeBlocks(c.text, shape, sentences).map(plainLinks) : [];
  // Steps shown whole are not repeated as sentences.
  if (whole.length) sentences = sentences.filter((x) => !whole.some((w) => w.includes(x.replace(/ — /g, ' ').slice(0, 40))));
  // Whole blocks go right after the sentence that introduces them ("To rotate a key:"), else after the sentences.
  const intro = whole.length ? sentences.findIndex((x) => x.trim().endsWith(':')) : -1;
  const before = intro >= 0 ? sentences.slice(0, intro + 1) : sentences;
  const after = intro >= 0 ? sentences.slice(intro + 1) : [];
  if (before.length) lines.push(before.map(plainLinks).join(' '));
  lines.push(...whole);
  if (after.length) lines.push(after.map(plainLinks).join(' '));
  if (c.kind === 'sql-table') lines.push(...tableFacts(c, terms, graph));
  else {
    const params = parameters(c);
    if (params.length) lines.push(`Parameters: ${orderByRelevance(params, terms).slice(0, 10).join(', ')}`);
  }
  return lines.join('\n');
}

function signatures(c: Chunk): string[] {
  const meta = c.meta ?? {};
  if (typeof meta.method === 'string' && typeof meta.path === 'string') return [`${meta.method.toUpperCase()} ${meta.path}`];
  if (Array.isArray(meta.endpoints)) return meta.endpoints.map(String).slice(0, 3);
  return [];
}

/** Prose sentences (wrapped lines joined into paragraphs), table rows and list items; no code, no headings. */
function splitSentences(text: string): string[] {
  const out: string[] = [];
  let inFence = false;
  let para: string[] = [];
  const flush = () => {
    if (para.length) for (const s of para.join(' ').split(/(?<=[.!?])\s+(?=[A-Z`*])/)) if (s.trim().length > 3) out.push(s.trim());
    para = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (!line || line.startsWith('#') || /^[-|:\s]+$/.test(line)) {
      flush();
      continue;
    }
    if (/^([-*+]|\d+\.|\|)\s/.test(line) || line.startsWith('|') || line.startsWith(': ')) {
      flush();
      out.push(line.replace(/^\|\s*/, '').replace(/\s*\|\s*$/, '').replace(/\s*\|\s*/g, ' — '));
      continue;
    }
    para.push(line);
  }
  flush();
  return out;
}

function bestSentences(text: string, terms: string[], idf: (t: string) => number, skip: string[]): string[] {
  const sentences = splitSentences(text).filter((s) => !skip.some((sig) => s.includes(sig) && s.length < sig.length + 12));
  const scored = sentences.map((s, i) => {
    const ts = queryTerms(s);
    let score = 0;
    for (const t of terms) {
      const m = termMatch(t, ts);
      if (m) score += m === 1 ? idf(t) : idf(t) * 0.6;
    }
    // Short definitional sentences near the top of a section usually state what it does.
    return { s: s.length > 300 ? s.slice(0, 297) + '…' : s, i, score: score + (i < 2 ? 0.5 : 0) };
  });
  return scored
    .filter((x) => x.score > 0.5 || x.i === 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s);
}

/** Parameter names with type/required hints, from OpenAPI meta or Markdown definition lists. */
function parameters(c: Chunk): string[] {
  const meta = c.meta ?? {};
  if (Array.isArray(meta.parameters) || c.kind === 'openapi-operation') {
    // Name, where, type, required and default: what a "which parameter / what default" question asks for.
    const params = ((meta.parameters ?? []) as Array<Record<string, unknown>>).map(
      (p) => `${p.name}${p.in ? ` (${p.in}${p.type ? `, ${p.type}` : ''}${p.required ? ', required' : ''}${p.default !== undefined ? `, default ${JSON.stringify(p.default)}` : ''})` : ''}`,
    );
    return [...params, ...requestBodyFields(c.text)];
  }
  if (Array.isArray(meta.requestFields)) return (meta.requestFields as unknown[]).map(String);
  const out: string[] = [];
  const lines = c.text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const name = lines[i].trim();
    const def = lines[i + 1].trim();
    if (/^[\w[\]]{1,60}$/.test(name) && def.startsWith(': ')) {
      const hint = /\*\*(Required|Optional)\*\*\s*([\w[\]]+)?/.exec(def);
      out.push(hint ? `${name} (${hint[1].toLowerCase()}${hint[2] ? `, ${hint[2]}` : ''})` : name);
    }
  }
  return out;
}

/** Top-level fields listed under "Request body" in an operation chunk: "- name (string, required)". */
function requestBodyFields(text: string): string[] {
  const out: string[] = [];
  let inBody = false;
  for (const line of text.split('\n')) {
    if (/^request body/i.test(line)) inBody = true;
    else if (/^\S/.test(line) && !line.startsWith('- ')) inBody = false;
    else if (inBody && line.startsWith('- ')) {
      const m = /^- ([\w.[\]-]+)(?: \(([^)]*)\))?/.exec(line);
      if (m) out.push(`${m[1]} (body${m[2] ? `, ${m[2]}` : ''})`);
    }
  }
  return out;
}

function orderByRelevance(items: string[], terms: string[]): string[] {
  const rel = (s: string) => {
    const ts = queryTerms(s);
    return terms.some((t) => termMatch(t, ts)) ? 0 : 1;
  };
  return items.map((s, i) => ({ s, i })).sort((a, b) => rel(a.s) - rel(b.s) || a.i - b.i).map((x) => x.s);
}

function tableFacts(c: Chunk, terms: string[], graph: SchemaGraph): string[] {
  const name = tableOf(c);
  const t = graph.table(name);
  if (!t) return [];
  const lines: string[] = [];
  const cols = t.columns.map((col) => `${col.name} ${col.type}${col.nullable ? '' : ' NOT NULL'}${col.default !== undefined ? ` DEFAULT ${col.default}` : ''}`);
  lines.push(`Columns: ${orderByRelevance(cols, terms).slice(0, 12).join('; ')}${cols.length > 12 ? `; … (${cols.length} in all)` : ''}`);
  lines.push(...graph.describe(name));
  return lines;
}
