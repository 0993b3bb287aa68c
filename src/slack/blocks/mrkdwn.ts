import MarkdownIt from 'markdown-it';
import { splitText } from '../text.js';
import { escapeMrkdwn } from './escape.js';

/**
 * Markdown (doc excerpts, LLM answers) into Slack mrkdwn by walking markdown-it's tokens, so
 * `**bold**`, `## headings`, `[text](url)`, lists, tables and code render in Slack instead of
 * showing raw. The escaping guarantee holds: raw HTML is off, every piece of text is escaped
 * (&, <, >), and links become "text (url)" in plain text, never `<url|label>` markup, so no
 * input can hide a link target, mention anyone or broadcast to a channel.
 */

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

const SAFE_SCHEME = /^(https?:|mailto:)/i;

function linkTarget(href: string | null): string | undefined {
  if (!href || !SAFE_SCHEME.test(href)) return undefined;
  return href.replace(/^mailto:/i, '');
}

/** Inline tokens to mrkdwn; `plain` drops formatting (table cells inside a code block). */
function inline(tokens: Token[], plain = false): string {
  let out = '';
  const links: Array<string | undefined> = [];
  const labels: number[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        out += escapeMrkdwn(t.content);
        break;
      case 'code_inline':
        out += plain ? escapeMrkdwn(t.content) : `\`${escapeMrkdwn(t.content)}\``;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += plain ? ' ' : '\n';
        break;
      case 'strong_open':
      case 'strong_close':
        if (!plain) out += '*';
        break;
      // Single-star emphasis is how mrkdwn writes bold, and how our extractive answers mark it.
      case 'em_open':
      case 'em_close':
        if (!plain) out += t.markup === '_' ? '_' : '*';
        break;
      case 's_open':
      case 's_close':
        if (!plain) out += '~';
        break;
      case 'link_open':
        links.push(linkTarget(String(t.attrGet('href') ?? '')));
        labels.push(out.length);
        break;
      case 'link_close': {
        const target = links.pop();
        const label = out.slice(labels.pop() ?? out.length);
        const shown = escapeMrkdwn(target ?? '');
        // An autolink's label is its URL: show it once.
        if (target && label !== shown && label !== escapeMrkdwn(`mailto:${target}`)) out += ` (${shown})`;
        break;
      }
      case 'image': {
        const target = linkTarget(String(t.attrGet('src') ?? ''));
        const alt = escapeMrkdwn(t.content || 'image');
        out += target ? `${alt} (${escapeMrkdwn(target)})` : alt;
        break;
      }
      default:
        if (t.children?.length) out += inline(t.children, plain);
        else if (t.content) out += escapeMrkdwn(t.content);
    }
  }
  return out;
}

function table(tokens: Token[], start: number): { text: string; end: number } {
  const rows: string[][] = [];
  let i = start + 1;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const t = tokens[i];
    if (t.type === 'tr_open') rows.push([]);
    if (t.type === 'inline') rows.at(-1)?.push(inline(t.children ?? [], true).trim());
  }
  const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
  const widths = Array.from({ length: width }, (_, c) => Math.min(40, Math.max(...rows.map((r) => [...(r[c] ?? '')].length))));
  const line = (r: string[]) => widths.map((w, c) => (r[c] ?? '').padEnd(w)).join(' | ').trimEnd();
  const lines = rows.map(line);
  if (lines.length > 1) lines.splice(1, 0, widths.map((w) => '-'.repeat(Math.max(3, w))).join('-+-'));
  return { text: '```\n' + lines.join('\n') + '\n```', end: i };
}

/** Markdown → mrkdwn. Plain text comes out escaped and otherwise unchanged. */
export function markdownToMrkdwn(markdown: string): string {
  const tokens = md.parse(markdown, {});
  const blocks: string[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let quote = 0;
  let pendingItem = '';
  const emit = (text: string) => {
    const prefixed = quote ? text.split('\n').map((l) => `${'> '.repeat(quote).trimEnd()} ${l}`).join('\n') : text;
    if (pendingItem) {
      blocks.push(pendingItem + prefixed.trimStart());
      pendingItem = '';
    } else blocks.push(prefixed);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'heading_open': {
        const text = inline(tokens[i + 1].children ?? []).replace(/\*/g, '');
        emit(`*${text.trim()}*`);
        blocks.push('');
        i += 2;
        break;
      }
      case 'paragraph_close':
        // Loose paragraphs are separated by a blank line; a tight list item's are hidden.
        if (!t.hidden) blocks.push('');
        break;
      case 'inline':
        emit(inline(t.children ?? []));
        break;
      case 'fence':
      case 'code_block':
        emit('```\n' + escapeMrkdwn(t.content.replace(/\n$/, '')) + '\n```');
        blocks.push('');
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (!lists.length) blocks.push('');
        break;
      case 'list_item_open': {
        const list = lists.at(-1)!;
        const indent = '    '.repeat(Math.max(0, lists.length - 1));
        pendingItem = `${indent}${list.ordered ? `${list.n++}.` : '•'} `;
        break;
      }
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'hr':
        emit('───');
        break;
      case 'table_open': {
        const { text, end } = table(tokens, i);
        emit(text);
        blocks.push('');
        i = end;
        break;
      }
      default:
        break;
    }
  }
  return blocks.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * splitText for mrkdwn: a code block cut between two sections is closed at the end of one and
 * reopened at the start of the next, so neither shows stray backticks.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces = splitText(text, max - 8);
  let open = false;
  return pieces.map((p) => {
    const body = open ? '```\n' + p : p;
    const fences = (p.match(/```/g) ?? []).length;
    open = fences % 2 === 1 ? !open : open;
    return open ? body + '\n```' : body;
  });
}
