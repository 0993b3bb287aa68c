import YAML from 'yaml';
import type { ChunkDraft, LoadedSource } from '../../src/ports/chunk.js';
import { findEndpoints } from './markdown-clean.js';
import { parseSections, type MdBlock, type MdSection } from './markdown-blocks.js';
import { decodeText, describeCause, parseFailed } from './parse-failed.js';
import { MAX_CHUNK_CHARS, splitParagraphs } from './text-pieces.js';

interface FrontMatter {
  title?: string;
  bodyStart: number; // 0-based index of the first line after the front matter
}

function readFrontMatter(lines: string[], relPath: string): FrontMatter {
  if (lines[0]?.trim() !== '---') return { bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { bodyStart: 0 };
  let data: unknown;
  const raw = lines.slice(1, end).join('\n');
  try {
    data = YAML.parse(raw);
  } catch {
    // Hugo accepts front matter YAML rejects (tabs inside flow sequences); the body is still good,
    // so take the title line by hand rather than lose the whole page.
    const title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(raw)?.[1];
    return { title: title?.trim() || undefined, bodyStart: end + 1 };
  }
  const title = data && typeof data === 'object' ? (data as Record<string, unknown>).title : undefined;
  return { title: typeof title === 'string' && title.trim() ? title.trim() : undefined, bodyStart: end + 1 };
}

/**
 * The heading level that divides the document into topics: the highest level used more than
 * once (a page's single H1 is its title, and its H2s are the topics); failing that, the
 * level below the top one.
 */
function topicLevel(sections: MdSection[]): number {
  const counts = new Map<number, number>();
  for (const s of sections) if (s.level > 0) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  const levels = [...counts.keys()].sort((a, b) => a - b);
  return levels.find((l) => (counts.get(l) ?? 0) > 1) ?? levels[1] ?? levels[0] ?? 1;
}

function sectionName(path: string[], relPath: string): string {
  return path.length ? path.join(' > ') : relPath.split('/').pop() ?? relPath;
}

/** One block (a long code example, a long procedure) is only cut when it is this many times the chunk size. */
const BLOCK_CUT_FACTOR = 3;

interface Piece {
  sections: MdSection[];
  blocks: MdBlock[];
  size: number;
}

const sizeOf = (blocks: MdBlock[]): number => blocks.reduce((n, b) => n + b.text.length + 2, 0);

/** Is `s` inside the subtree of `head`? Sections come in document order, so only levels matter. */
function isDescendant(s: MdSection, head: MdSection, between: MdSection[]): boolean {
  return s.level > head.level && between.every((x) => x.level > head.level);
}

/**
 * Sections → pieces: a subsection joins the piece its parent heading starts while it fits
 * ("Request", "Response" keep their endpoint), but never a piece started by a sibling or by
 * another topic, so no chunk carries a sibling's text under the wrong heading. A long section
 * splits between blocks.
 */
function packSections(sections: MdSection[], topic: number): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  const close = () => {
    if (current && current.blocks.some((b) => b.kind !== 'heading')) pieces.push(current);
    current = null;
  };
  for (const s of sections) {
    const own = sizeOf(s.blocks);
    const cur = current as Piece | null;
    const joins =
      cur !== null && s.level > topic && cur.size + own <= MAX_CHUNK_CHARS && isDescendant(s, cur.sections[0]!, cur.sections.slice(1));
    if (joins && cur) {
      cur.sections.push(s);
      cur.blocks.push(...s.blocks);
      cur.size += own;
      continue;
    }
    close();
    for (const part of splitBlocks(s.blocks)) {
      close();
      current = { sections: [s], blocks: part, size: sizeOf(part) };
    }
  }
  close();
  return pieces;
}

/** A section's blocks in runs of at most MAX_CHUNK_CHARS, cut only between blocks (an oversized block alone). */
function splitBlocks(blocks: MdBlock[]): MdBlock[][] {
  const out: MdBlock[][] = [];
  let run: MdBlock[] = [];
  let size = 0;
  for (const b of blocks.flatMap((x) => (x.text.length > MAX_CHUNK_CHARS * BLOCK_CUT_FACTOR ? cutBlock(x) : [x]))) {
    // A heading stays with what follows it.
    if (run.length && size + b.text.length + 2 > MAX_CHUNK_CHARS && !run.every((x) => x.kind === 'heading')) {
      out.push(run);
      run = [];
      size = 0;
    }
    run.push(b);
    size += b.text.length + 2;
  }
  if (run.length || !out.length) out.push(run);
  return out;
}

function cutBlock(b: MdBlock): MdBlock[] {
  return splitParagraphs(b.text.replace(/\n\s*\n/g, '\n'), b.line, MAX_CHUNK_CHARS * BLOCK_CUT_FACTOR).map((p) => ({ kind: b.kind, text: p.text, line: p.line }));
}

/**
 * Markdown → chunks that follow the outline (see packSections). Each chunk is named by its first
 * heading path, keeps every heading it holds (`meta.headings`) and the endpoints of its topic,
 * so a "Response" piece still knows its operation.
 */
export async function loadMarkdown(content: Buffer, relPath: string): Promise<LoadedSource> {
  const lines = decodeText(content, relPath).split(/\r?\n/);
  const front = readFrontMatter(lines, relPath);
  const sections = parseSections(lines, front.bodyStart, front.title);
  const topic = topicLevel(sections);
  // Endpoints belong to a topic: every piece of it lists them.
  const topicOf = new Map<MdSection, MdSection>();
  let head = sections[0]!;
  for (const s of sections) {
    if (s.level <= topic) head = s;
    topicOf.set(s, head);
  }
  const topicEndpoints = new Map<MdSection, string[]>();
  for (const s of sections) {
    const t = topicOf.get(s)!;
    topicEndpoints.set(t, [...(topicEndpoints.get(t) ?? []), ...findEndpoints(s.blocks.map((b) => b.text).join('\n'))]);
  }
  const chunks: ChunkDraft[] = [];
  for (const piece of packSections(sections, topic)) {
    const first = piece.sections[0]!;
    const t = topicOf.get(first)!;
    const endpoints = [...new Set(topicEndpoints.get(t) ?? [])];
    const headings = piece.sections.length > 1 ? piece.sections.map((s) => s.path[s.path.length - 1] ?? '').filter(Boolean) : undefined;
    chunks.push({
      kind: 'markdown',
      section: sectionName(first.path, relPath),
      text: piece.blocks.map((b) => b.text).join('\n\n'),
      line: piece.blocks[0]?.line ?? first.line,
      meta: { ...(endpoints.length ? { endpoints } : {}), topic: sectionName(t.path, relPath), ...(headings ? { headings } : {}) },
    });
  }
  return { chunks };
}
