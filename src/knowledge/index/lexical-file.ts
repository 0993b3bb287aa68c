import fs from 'node:fs';
import type { LexicalData } from './lexical-build.js';

/**
 * lexical.bin, our compact on-disk form of the lexical index, so opening an index never re-tokenizes
 * the corpus. Little-endian:
 *   magic "DMLX", u32 version, u32 size, u32 termCount, u32 termBytes, u32 postingCount
 *   termBytes of UTF-8 terms joined by "\n", zero-padded to a multiple of 4
 *   u32 df[termCount], u32 offsets[termCount + 1]
 *   u32 docs[postingCount], f32 impacts[postingCount]   (per term, by impact, best first)
 * Opening reads the header, terms, df and offsets; postings are read on demand with pread, so a
 * serving process holds the dictionary, not the postings (the page cache holds the hot ones).
 */
const MAGIC = 0x584c4d44; // "DMLX"
const VERSION = 1;
const HEADER = 24;

export function writeLexicalFile(file: string, data: LexicalData): void {
  const termBuf = Buffer.from(data.terms.join('\n'), 'utf8');
  const termBytes = termBuf.length;
  const padded = Math.ceil(termBytes / 4) * 4;
  const header = Buffer.alloc(HEADER);
  [MAGIC, VERSION, data.size, data.terms.length, termBytes, data.docs.length].forEach((v, i) => {
    header.writeUInt32LE(v, i * 4);
  });
  const fd = fs.openSync(file, 'w');
  try {
    for (const part of [header, termBuf, Buffer.alloc(padded - termBytes), view(data.df), view(data.offsets), view(data.docs), view(data.impacts)]) {
      let done = 0;
      while (done < part.length) done += fs.writeSync(fd, part, done, part.length - done);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function view(a: Uint32Array | Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export interface LexicalDictionary {
  size: number;
  terms: string[];
  df: Uint32Array;
  offsets: Uint32Array;
  /** Reads up to `limit` best postings of term t. */
  read(t: number, limit: number): { docs: Uint32Array; impacts: Float32Array };
}

// The fd closes when the dictionary that reads through it is collected (a reload replaced it).
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
});

function readExactly(fd: number, bytes: number, position: number): Buffer {
  // A fresh ArrayBuffer (never a pooled slice), so typed-array views over it are aligned.
  const buf = Buffer.from(new ArrayBuffer(bytes));
  let done = 0;
  while (done < bytes) {
    const got = fs.readSync(fd, buf, done, bytes - done, position + done);
    if (got === 0) throw new Error('lexical.bin is truncated');
    done += got;
  }
  return buf;
}

export function openLexicalFile(file: string): LexicalDictionary {
  const fd = fs.openSync(file, 'r');
  try {
    const header = readExactly(fd, HEADER, 0);
    const [magic, version, size, termCount, termBytes, postingCount] = Array.from({ length: 6 }, (_, i) => header.readUInt32LE(i * 4));
    if (magic !== MAGIC || version !== VERSION) throw new Error('lexical.bin is from another version');
    const padded = Math.ceil(termBytes / 4) * 4;
    const expected = HEADER + padded + 4 * (2 * termCount + 1) + 8 * postingCount;
    if (fs.fstatSync(fd).size !== expected) throw new Error('lexical.bin has the wrong size');
    const head = readExactly(fd, padded + 4 * (2 * termCount + 1), HEADER);
    const terms = termCount ? head.toString('utf8', 0, termBytes).split('\n') : [];
    const ints = new Uint32Array(head.buffer, head.byteOffset + padded, 2 * termCount + 1);
    const df = ints.subarray(0, termCount);
    const offsets = ints.subarray(termCount);
    const docsAt = HEADER + padded + 4 * (2 * termCount + 1);
    const impactsAt = docsAt + 4 * postingCount;
    const dict: LexicalDictionary = {
      size,
      terms,
      df,
      offsets,
      read(t, limit) {
        const n = Math.min(limit, offsets[t + 1] - offsets[t]);
        const docs = readExactly(fd, n * 4, docsAt + offsets[t] * 4);
        const impacts = readExactly(fd, n * 4, impactsAt + offsets[t] * 4);
        return { docs: new Uint32Array(docs.buffer, docs.byteOffset, n), impacts: new Float32Array(impacts.buffer, impacts.byteOffset, n) };
      },
    };
    closer.register(dict, fd);
    return dict;
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/** The same reader over postings built in memory (at ingest, or for an index without lexical.bin). */
export function inMemoryDictionary(data: LexicalData): LexicalDictionary {
  return {
    size: data.size,
    terms: data.terms,
    df: data.df,
    offsets: data.offsets,
    read(t, limit) {
      const start = data.offsets[t];
      const end = Math.min(data.offsets[t + 1], start + limit);
      return { docs: data.docs.subarray(start, end), impacts: data.impacts.subarray(start, end) };
    },
  };
}
