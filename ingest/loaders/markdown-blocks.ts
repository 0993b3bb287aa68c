import MarkdownIt from 'markdown-it';
import { cleanHeading, cleanMarkdownText } from './markdown-clean.js';
import { blankAnchorLines, stripHtml } from './markdown-html.js';

/**
 * Markdown structure from a CommonMark parser (markdown-it), not a line scanner: ATX and setext
 * headings alike, `#` lines inside code or HTML never taken for headings, and each top-level
 * block (paragraph, list, numbered procedure, table, fenced code, quote, HTML) kept as one unit
 * that chunking never cuts.
 */
export interface MdBlock {
  /** markdown-it's token type: paragraph, bullet_list, ordered_list, fence, table, html_block, heading, … */
  kind: string;
  text: string;
  /** 1-based line in the file. */
  line: number;
}

/** One heading and the blocks up to the next heading, with its place in the outline. */
export interface MdSection {
  /** 0 for the text before the first heading. */
  level: number;
  /** Heading titles from the top (the front-matter title first when there is one). */
  path: string[];
  line: number;
  blocks: MdBlock[];
}

const parser = new MarkdownIt({ html: true });

/** Tokens that open a top-level block, mapped to the block kind they produce. */
const BLOCK_OPENERS: Record<string, string> = {
  paragraph_open: 'paragraph',
  bullet_list_open: 'bullet_list',
  ordered_list_open: 'ordered_list',
  table_open: 'table',
  blockquote_open: 'blockquote',
  fence: 'fence',
  code_block: 'fence',
  html_block: 'html_block',
  hr: 'hr',
};

function blockText(kind: string, raw: string): string {
  if (kind === 'fence') return raw.replace(/\s+$/, '');
  if (kind === 'hr') return '';
  return stripHtml(cleanMarkdownText(raw)).trim();
}

export function parseSections(lines: string[], bodyStart: number, root: string | undefined): MdSection[] {
  const body = blankAnchorLines(lines.slice(bodyStart));
  const tokens = parser.parse(body.join('\n'), {});
  const sections: MdSection[] = [{ level: 0, path: root ? [root] : [], line: bodyStart + 1, blocks: [] }];
  const stack: Array<{ level: number; title: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || !t.map) continue;
    const line = bodyStart + t.map[0] + 1;
    if (t.type === 'heading_open') {
      const title = cleanHeading(stripHtml(tokens[i + 1]?.content ?? '')).replace(/\s+/g, ' ');
      if (!title) continue;
      const level = Number(t.tag.slice(1));
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title });
      const titles = stack.map((s) => s.title);
      // A page's single H1 usually repeats the front-matter title; do not say it twice.
      if (root && titles[0]?.toLowerCase() === root.toLowerCase()) titles.shift();
      sections.push({ level, path: root ? [root, ...titles] : titles, line, blocks: [{ kind: 'heading', text: `${'#'.repeat(level)} ${title}`, line }] });
      continue;
    }
    const kind = BLOCK_OPENERS[t.type];
    if (!kind) continue;
    const text = blockText(kind, body.slice(t.map[0], t.map[1]).join('\n'));
    if (text) sections[sections.length - 1]!.blocks.push({ kind, text, line });
  }
  return sections;
}
