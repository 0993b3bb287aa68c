import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { terms } from '../text/tokenize.js';

/**
 * Offline embedder: signed feature hashing of stemmed terms, term bigrams and character
 * trigrams, repeated terms damped by a square root, L2-normalised. Corpus-independent on purpose: a file's vectors
 * never change when other files change, which is what makes re-ingest incremental.
 */
export const LOCAL_EMBEDDER_NAME = 'local-hash-v1';
/**
 * 256 dimensions: at 128 or 192 hash collisions cost the vector path a third of its recall@5 on
 * the eval set; more dimensions only slow the HNSW build.
 */
export const LOCAL_EMBEDDER_DIMENSIONS = 256;

export interface LocalEmbeddingsParams extends EmbeddingsParams {
  dimensions?: number;
}

function fnv1a(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A second, independent mix so combined features (bigrams, trigrams) do not collide with their parts. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ ((b << 13) | (b >>> 19)), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) >>> 0;
}

export class LocalHashEmbeddings extends Embeddings {
  readonly dimensions: number;

  constructor(params: LocalEmbeddingsParams = {}) {
    super(params);
    this.dimensions = params.dimensions ?? LOCAL_EMBEDDER_DIMENSIONS;
  }

  embedSync(text: string): number[] {
    const dims = this.dimensions;
    const v = new Float64Array(dims);
    // Hashing straight from char codes (no feature strings) keeps the embedder off the ingest's critical path.
    const add = (h: number, weight: number) => {
      v[h % dims] += h & 0x80000000 ? -weight : weight;
    };
    const ts = terms(text);
    let prev = 0;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      const h = fnv1a(t, 0x77);
      add(h, 1);
      if (i > 0) add(mix(prev, h), 0.5);
      prev = h;
      if (t.length > 4) {
        // Character trigrams of ^term$, sharing 0.6 of a word's weight, meet "favourite" and "favourited".
        const n = t.length + 2;
        const share = 0.6 / (n - 2);
        for (let j = 0; j + 3 <= n; j++) {
          const c0 = j === 0 ? 94 : t.charCodeAt(j - 1);
          const c1 = t.charCodeAt(j);
          const c2 = j + 1 < t.length ? t.charCodeAt(j + 1) : 36;
          add(mix(0x3c6ef372, Math.imul(c0, 0x10001) ^ Math.imul(c1, 0x101) ^ (c2 * 0x1000193)), share);
        }
      }
    }
    // Sign-preserving square root damps repeated terms, like sublinear TF.
    let norm = 0;
    for (let i = 0; i < dims; i++) {
      const x = v[i];
      v[i] = x < 0 ? -Math.sqrt(-x) : Math.sqrt(x);
      norm += v[i] * v[i];
    }
    norm = Math.sqrt(norm) || 1;
    const out = new Array<number>(dims);
    for (let i = 0; i < dims; i++) out[i] = v[i] / norm;
    return out;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedSync(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedSync(text);
  }
}
