import type { Chunk } from '../../ports/chunk.js';
import type { Hit, Retrieval } from '../retrieval/retriever.js';
import type { SchemaGraph } from '../../schema/schema-graph.js';
import { queryTerms } from '../../text/tokenize.js';
import { termMatch } from '../retrieval/term-match.js';

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

  for (const { h, i } of used) parts.push(describeHit(h, i + 1, terms, graph, idf));
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

function describeHit(hit: Hit, n: number, terms: string[], graph: SchemaGraph, idf: (t: string) => number): string {
  const c = hit.chunk;
  const lines: string[] = [];
  const signature = signatures(c);
  lines.push(`*${lastHeading(c.section)}*${signature.length ? ` — ${signature.map((s) => `\`${s}\``).join(', ')}` : ''} [${n}]`);
  const sentences = bestSentences(c.text, terms, idf, signature);
  if (sentences.length) lines.push(sentences.join(' '));
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
    const params = ((meta.parameters ?? []) as Array<Record<string, unknown>>).map((p) => `${p.name}${p.in ? ` (${p.in}${p.type ? `, ${p.type}` : ''}${p.required ? ', required' : ''})` : ''}`);
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
