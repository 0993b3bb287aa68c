import type { LoadedSource } from '../../src/ports/chunk.js';
import { decodeText } from './parse-failed.js';
import { splitParagraphs } from './text-pieces.js';

/** Plain text → paragraphs packed into chunks; the file name is the section. */
export async function loadText(content: Buffer, relPath: string): Promise<LoadedSource> {
  const section = relPath.split('/').pop() ?? relPath;
  const chunks = splitParagraphs(decodeText(content, relPath)).map((p) => ({ kind: 'text' as const, section, text: p.text, line: p.line }));
  return { chunks };
}
