import type { Chunk } from '../../ports/chunk.js';
import type { ImportUniverse } from '../../ports/docs-index.js';
import { importUniverseOf } from './code-universe.js';
import { LexicalIndex } from './lexical-index.js';

/** The index's code chunks, searchable by words on their own (code competes badly with prose in hybrid retrieval). */
export interface CodeView {
  exemplars(query: string, k: number): Chunk[];
  universe: ImportUniverse;
}

// Keyed by the loaded chunk array: a reload brings a new array, so a stale view is never served.
const views = new WeakMap<Chunk[], CodeView>();

export function codeView(chunks: Chunk[]): CodeView {
  let view = views.get(chunks);
  if (!view) {
    const code = chunks.filter((c) => c.kind === 'code');
    let lexical: LexicalIndex | undefined;
    view = {
      exemplars: (query, k) => {
        lexical ??= new LexicalIndex(code);
        return lexical.query(query, k).map((h) => code[h.index]);
      },
      universe: importUniverseOf(chunks),
    };
    views.set(chunks, view);
  }
  return view;
}
