/** A piece of a longer text, with the 1-based line it starts on. */
export interface TextPiece {
  text: string;
  line: number;
}

/** About the size one chunk may reach before it is split (characters). */
export const MAX_CHUNK_CHARS = 1500;

interface Block {
  text: string;
  line: number;
}

/**
 * Splits lines into blocks separated by blank lines. A fenced code block (``` or ~~~) is one
 * block even when it contains blank lines, so a request example is never cut in two.
 */
function paragraphBlocks(lines: string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = firstLine;
  let fence: string | undefined;
  const flush = (): void => {
    const text = current.join('\n').trim();
    if (text) blocks.push({ text, line: start });
    current = [];
  };
  lines.forEach((raw, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence) {
      current.push(raw);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (marker) fence = marker;
    if (!raw.trim() && !fence) {
      flush();
      return;
    }
    if (current.length === 0) start = firstLine + i;
    current.push(raw);
  });
  flush();
  return blocks;
}

/** Cuts one oversized block at line boundaries (or hard, for one huge line). */
function cutBlock(block: Block, max: number): Block[] {
  if (block.text.length <= max) return [block];
  const out: Block[] = [];
  let buf: string[] = [];
  let bufLen = 0;
  let start = block.line;
  block.text.split('\n').forEach((lineText, i) => {
    if (bufLen + lineText.length + 1 > max && buf.length) {
      out.push({ text: buf.join('\n'), line: start });
      buf = [];
      bufLen = 0;
    }
    if (buf.length === 0) start = block.line + i;
    for (let s = lineText; ; ) {
      if (s.length <= max) {
        buf.push(s);
        bufLen += s.length + 1;
        break;
      }
      out.push({ text: s.slice(0, max), line: block.line + i });
      s = s.slice(max);
    }
  });
  if (buf.length) out.push({ text: buf.join('\n'), line: start });
  return out;
}

/** Packs paragraph blocks greedily into pieces of at most `max` characters, cutting only between blocks when possible. */
function packBlocks(blocks: Block[], max = MAX_CHUNK_CHARS): TextPiece[] {
  const pieces: TextPiece[] = [];
  let parts: string[] = [];
  let size = 0;
  let line = 0;
  for (const block of blocks.flatMap((b) => cutBlock(b, max))) {
    if (parts.length && size + block.text.length + 2 > max) {
      pieces.push({ text: parts.join('\n\n'), line });
      parts = [];
      size = 0;
    }
    if (!parts.length) line = block.line;
    parts.push(block.text);
    size += block.text.length + 2;
  }
  if (parts.length) pieces.push({ text: parts.join('\n\n'), line });
  return pieces;
}

/** Splits free text into pieces of at most `max` characters at paragraph boundaries. */
export function splitParagraphs(text: string, firstLine = 1, max = MAX_CHUNK_CHARS): TextPiece[] {
  return packBlocks(paragraphBlocks(text.split(/\r?\n/), firstLine), max);
}
