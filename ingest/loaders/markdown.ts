import YAML from 'yaml';
import type { ChunkDraft, LoadedSource } from '../../src/ports/chunk.js';
import { cleanHeading, cleanMarkdownText, findEndpoints } from './markdown-clean.js';
import { decodeText, describeCause, parseFailed } from './parse-failed.js';
import { packBlocks, paragraphBlocks } from './text-pieces.js';

/** One heading's own lines (up to the next heading), with where it sits in the outline. */
interface Section {
  level: number;
  path: string[];
  line: number;
  lines: string[];
}

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

/** Scans ATX headings, ignoring `#` lines inside fenced code blocks. */
function scanSections(lines: string[], bodyStart: number, root: string | undefined): Section[] {
  const sections: Section[] = [{ level: 0, path: root ? [root] : [], line: bodyStart + 1, lines: [] }];
  const stack: Array<{ level: number; title: string }> = [];
  let fence: string | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      const heading = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(raw);
      const title = heading ? cleanHeading(heading[2] ?? '') : '';
      if (heading && title) {
        const level = heading[1]!.length;
        while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
        stack.push({ level, title });
        const titles = stack.map((s) => s.title);
        // A page's single H1 usually repeats the front-matter title; do not say it twice.
        if (root && titles[0]?.toLowerCase() === root.toLowerCase()) titles.shift();
        sections.push({ level, path: root ? [root, ...titles] : titles, line: i + 1, lines: [] });
      }
    }
    sections[sections.length - 1]!.lines.push(raw);
  }
  return sections;
}

/**
 * The heading level that divides the document into topics: the highest level used more than
 * once (a page's single H1 is its title, and its H2s are the topics); failing that, the
 * level below the top one.
 */
function topicLevel(sections: Section[]): number {
  const counts = new Map<number, number>();
  for (const s of sections) if (s.level > 0) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  const levels = [...counts.keys()].sort((a, b) => a - b);
  return levels.find((l) => (counts.get(l) ?? 0) > 1) ?? levels[1] ?? levels[0] ?? 1;
}

/** Groups sections into topics: a topic heading with all the deeper headings under it. */
function groupTopics(sections: Section[]): Section[][] {
  const level = topicLevel(sections);
  const topics: Section[][] = [];
  for (const s of sections) {
    if (topics.length === 0 || (s.level > 0 && s.level <= level)) topics.push([s]);
    else topics[topics.length - 1]!.push(s);
  }
  return topics;
}

function sectionName(path: string[], relPath: string): string {
  return path.length ? path.join(' > ') : relPath.split('/').pop() ?? relPath;
}

/**
 * Markdown → one chunk per topic (split at paragraph boundaries when long). Subsections stay
 * with their topic so that "Response" or "Headers" pieces keep the endpoint they belong to;
 * each piece is named by the deepest heading it starts under.
 */
export async function loadMarkdown(content: Buffer, relPath: string): Promise<LoadedSource> {
  const lines = decodeText(content, relPath).split(/\r?\n/);
  const front = readFrontMatter(lines, relPath);
  const sections = scanSections(lines, front.bodyStart, front.title);
  const chunks: ChunkDraft[] = [];
  for (const topic of groupTopics(sections)) {
    const blocks = topic.flatMap((s) =>
      paragraphBlocks(s.lines, s.line).map((b) => ({ ...b, text: cleanMarkdownText(b.text).trim(), path: s.path })),
    );
    const kept = blocks.filter((b) => b.text);
    if (kept.every((b) => /^#{1,6}\s/.test(b.text) && !b.text.includes('\n'))) continue; // headings only
    const endpoints = findEndpoints(kept.map((b) => b.text).join('\n'));
    const isHeadingOnly = (text: string): boolean => /^#{1,6}\s/.test(text) && !text.includes('\n');
    // A piece is named by the heading of its first real content, not by a bare heading line above it.
    const pathAtLine = (line: number): string[] =>
      (kept.find((b) => b.line >= line && !isHeadingOnly(b.text)) ?? kept.find((b) => b.line >= line))?.path ?? topic[0]!.path;
    for (const piece of packBlocks(kept)) {
      chunks.push({
        kind: 'markdown',
        section: sectionName(pathAtLine(piece.line), relPath),
        text: piece.text,
        line: piece.line,
        meta: endpoints.length ? { endpoints, topic: sectionName(topic[0]!.path, relPath) } : { topic: sectionName(topic[0]!.path, relPath) },
      });
    }
  }
  return { chunks };
}
