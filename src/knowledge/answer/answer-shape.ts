/**
 * What kind of answer a question wants, and the whole blocks of a section that give it: a "how
 * do I" wants the procedure with its code, "what does it look like" wants the example, and a
 * sentence that introduces something ("…inside a plugin:") is never shown without what follows.
 */
import type { QuestionShape } from '../intent/question-shape.js';

export { questionShape, type QuestionShape } from '../intent/question-shape.js';

interface TextBlock {
  kind: 'code' | 'ordered' | 'bullets' | 'table' | 'heading' | 'prose';
  text: string;
}

/** A chunk's text back into blocks: fenced code whole, lists and tables whole, paragraphs. */
function textBlocks(text: string): TextBlock[] {
  const out: TextBlock[] = [];
  let buf: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    const t = buf.join('\n').trim();
    buf = [];
    if (!t) return;
    const first = t.split('\n')[0]!.trim();
    const kind: TextBlock['kind'] = /^#{1,6}\s/.test(first) && !t.includes('\n') ? 'heading' : /^\d+[.)]\s/.test(first) ? 'ordered' : /^[-*+]\s/.test(first) ? 'bullets' : first.startsWith('|') ? 'table' : 'prose';
    out.push({ kind, text: t });
  };
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      buf.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) {
        out.push({ kind: 'code', text: buf.join('\n') });
        buf = [];
        fence = undefined;
      }
      continue;
    }
    if (marker) {
      flush();
      fence = marker;
      buf.push(line);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    // A list or table starting right under a line of prose ("Fields:") is a block of its own, and so is the prose after it.
    const kind = lineKind(line);
    const prev = buf.length ? lineKind(buf[buf.length - 1]!) : kind;
    if (buf.length && kind !== 'indented' && prev !== kind && !(prev === 'indented' && kind === 'item')) {
      if (kind !== 'item' || lineKind(buf[0]!) !== 'item') flush();
    }
    buf.push(line);
  }
  if (fence) out.push({ kind: 'code', text: buf.join('\n') });
  else flush();
  return out;
}

function lineKind(line: string): 'item' | 'table' | 'indented' | 'prose' {
  if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) return 'item';
  if (/^\s*\|/.test(line)) return 'table';
  if (/^\s{2,}\S/.test(line)) return 'indented';
  return 'prose';
}

/** Code longer than this many lines is cut with a pointer to the source: Slack readers skim. */
const MAX_CODE_LINES = 20;
/** A procedure longer than this many steps is cut the same way. */
const MAX_STEPS = 12;

function capped(block: TextBlock): string {
  const lines = block.text.split('\n');
  if (block.kind === 'code' && lines.length > MAX_CODE_LINES + 2) {
    const close = lines[lines.length - 1]!;
    return [...lines.slice(0, MAX_CODE_LINES + 1), '…', close].join('\n');
  }
  if (block.kind === 'ordered' && lines.length > MAX_STEPS) return [...lines.slice(0, MAX_STEPS), '… (more steps in the source)'].join('\n');
  return block.text;
}

/**
 * The blocks to show whole for this question: for a procedure its numbered steps and the code
 * that goes with them, for an example the first example; and after any quoted sentence that
 * ends with a colon, the block it introduces.
 */
export function wholeBlocks(text: string, shape: QuestionShape, quoted: string[]): string[] {
  const blocks = textBlocks(text);
  const picked = new Set<number>();
  const firstOf = (kinds: TextBlock['kind'][]) => blocks.findIndex((b) => kinds.includes(b.kind));
  if (shape === 'procedure') {
    const steps = firstOf(['ordered']);
    if (steps >= 0) {
      picked.add(steps);
      if (blocks[steps + 1]?.kind === 'code') picked.add(steps + 1);
    }
  }
  if (shape === 'fields') {
    const list = firstOf(['bullets', 'table']);
    if (list >= 0) picked.add(list);
  }
  if (shape === 'example') {
    const example = firstOf(['code']);
    if (example >= 0) picked.add(example);
    else if (firstOf(['table']) >= 0) picked.add(firstOf(['table']));
  }
  // "…register it inside a plugin:" is followed by what it announces.
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (!next || !['code', 'ordered', 'bullets', 'table'].includes(next.kind)) return;
    const tail = b.text.replace(/\s+/g, ' ').trim();
    if (tail.endsWith(':') && quoted.some((q) => tail.endsWith(q.replace(/\s+/g, ' ').trim().slice(-60)))) picked.add(i + 1);
  });
  return [...picked].sort((a, b) => a - b).map((i) => capped(blocks[i]!));
}
