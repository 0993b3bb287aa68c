import fs from 'node:fs';
import path from 'node:path';
import type { Chunk } from '../../../src/ports/chunk';
import { ChunkStore, writeChunkFiles } from '../../../src/knowledge/index/chunk-store';
import { buildLexical, POSTINGS_PER_TERM } from '../../../src/knowledge/index/lexical-build';
import { inMemoryDictionary, openLexicalFile, writeLexicalFile, type LexicalDictionary } from '../../../src/knowledge/index/lexical-file';
import { LexicalIndex } from '../../../src/knowledge/index/lexical-index';
import { tmpDir } from '../../support/tmp';

const chunk = (i: number, section: string, text: string, extra: Partial<Chunk> = {}): Chunk => ({ id: `doc${i % 7}.md#${i}`, path: `doc${i % 7}.md`, section, text, kind: 'markdown', ...extra }) as Chunk;

const small: Chunk[] = [
  chunk(0, 'Webhooks > Retries', 'Failed deliveries are retried with exponential backoff for 24 hours.'),
  chunk(1, 'Followers', 'Accounts that follow this widget: `GET /v1/widgets/:id/followers`.'),
  chunk(2, 'Pagination', 'Use the cursor from the Link header; the page size is 50 by default.'),
  chunk(3, 'Authentication', 'Send the token in the Authorization header. Tokens expire after an hour.'),
  chunk(4, 'Rate limits', 'Each token may send 100 requests a minute; a 429 response carries Retry-After.'),
  chunk(5, 'Ünïcödé — naïve café', 'Grüße aus Köln 🚀: the résumé endpoint returns UTF-8 text.'),
];

/** A dictionary that counts the postings queries read. */
function counting(dict: LexicalDictionary): { dict: LexicalDictionary; read: () => number } {
  let n = 0;
  return {
    dict: { ...dict, read: (t, limit) => { const r = dict.read(t, limit); n += r.docs.length; return r; } },
    read: () => n,
  };
}

describe('lexical index', () => {
  it('ranks the chunk that names the asked words, headings above bodies, word forms by prefix', () => {
    const lex = new LexicalIndex(small);
    expect(lex.query('how are webhook deliveries retried', 3)[0].index).toBe(0);
    expect(lex.query('who follows a widget', 3)[0].index).toBe(1);
    expect(lex.query('rate limit per minute', 3)[0].index).toBe(4);
    expect(lex.query('the and of', 3)).toEqual([]);
  });

  it('answers the same from lexical.bin as from memory, and keeps exact document frequencies', () => {
    const file = path.join(tmpDir(), 'lexical.bin');
    const data = buildLexical(small);
    writeLexicalFile(file, data);
    const mem = new LexicalIndex(small);
    const disk = LexicalIndex.open(file);
    expect(disk.size).toBe(small.length);
    for (const q of ['token header', 'retry after 429', 'cursor page size', 'köln café résumé', 'followers widget', 'nothing matches zzz']) {
      expect({ q, hits: disk.query(q, 5) }).toEqual({ q, hits: mem.query(q, 5) });
    }
    expect(disk.docFreq('token')).toBe(2);
    expect(disk.idf('header')).toBeCloseTo(mem.idf('header'));
  });

  it('reads a bounded number of postings per term however many chunks hold it, and still finds the best', () => {
    const many: Chunk[] = [];
    for (let i = 0; i < 6000; i++) many.push(chunk(i, `Resource ${i}`, `The invoice record number ${i} is stored with the ledger.`));
    many.push(chunk(6000, 'Invoice ledger export', 'Export every invoice in the ledger as CSV.'));
    const data = buildLexical(many);
    const c = counting(inMemoryDictionary(data));
    const lex = new LexicalIndex(c.dict);
    // "invoice" and "ledger" are in every chunk: the exact df stays, the stored postings are cut.
    expect(lex.docFreq('invoic')).toBe(6001);
    expect(data.offsets[data.terms.indexOf('invoic') + 1] - data.offsets[data.terms.indexOf('invoic')]).toBe(POSTINGS_PER_TERM);
    const hits = lex.query('export the invoice ledger', 10);
    expect(hits[0].index).toBe(6000);
    expect(c.read()).toBeLessThanOrEqual(3 * POSTINGS_PER_TERM);
  });

  it('refuses a truncated or foreign lexical.bin', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'lexical.bin');
    writeLexicalFile(file, buildLexical(small));
    fs.truncateSync(file, fs.statSync(file).size - 4);
    expect(() => openLexicalFile(file)).toThrow(/wrong size/);
    fs.writeFileSync(file, Buffer.alloc(64));
    expect(() => openLexicalFile(file)).toThrow(/another version/);
  });
});

describe('chunk store', () => {
  it('reads back any chunk by number, multi-byte text included, from a docstore LangChain can still parse', () => {
    const dir = tmpDir();
    const docstore = path.join(dir, 'docstore.json');
    const offsets = path.join(dir, 'docstore.offsets');
    writeChunkFiles(docstore, offsets, small);
    const store = ChunkStore.open(docstore, offsets, small.length);
    expect(store.length).toBe(small.length);
    for (const i of [5, 0, 3, 5]) expect(store.get(i)).toEqual(small[i]);
    const parsed = JSON.parse(fs.readFileSync(docstore, 'utf8')) as Array<[string, { pageContent: string }]>;
    expect(parsed.map(([label, doc]) => [label, doc.pageContent])).toEqual(small.map((c, i) => [String(i), c.text]));
    expect(() => ChunkStore.open(docstore, offsets, small.length + 1)).toThrow(/expected/);
  });

  it('writes an empty store that opens', () => {
    const dir = tmpDir();
    writeChunkFiles(path.join(dir, 'd.json'), path.join(dir, 'd.off'), []);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'd.json'), 'utf8'))).toEqual([]);
    expect(ChunkStore.open(path.join(dir, 'd.json'), path.join(dir, 'd.off'), 0).length).toBe(0);
  });
});
