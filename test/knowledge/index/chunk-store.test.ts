import fs from 'node:fs';
import path from 'node:path';
import { readAllChunks, writeChunkFiles } from '../../../src/knowledge/index/chunk-store';
import type { Chunk } from '../../../src/ports/chunk';
import { tmpDir } from '../../support/tmp';

const chunks: Chunk[] = [
  { id: 'a.md#0', path: 'a.md', kind: 'markdown', section: 'Intro', text: 'Ünïcode text, "quotes" and\nnewlines', line: 1 },
  { id: 'b.sql#0', path: 'b.sql', kind: 'sql-table', section: 'table film', text: 'film (film_id)', meta: { table: 'film' } },
  { id: 'c.md#0', path: 'c.md', kind: 'markdown', section: 'Last', text: 'x'.repeat(5000) },
];

describe('readAllChunks', () => {
  it('reads every entry on its own through docstore.offsets (a huge docstore is never one string), in label order', () => {
    const dir = tmpDir();
    const docstore = path.join(dir, 'docstore.json');
    const offsets = path.join(dir, 'docstore.offsets');
    writeChunkFiles(docstore, offsets, chunks);
    expect(readAllChunks(docstore, offsets, chunks.length).map((c) => [c.id, c.text, c.meta])).toEqual(chunks.map((c) => [c.id, c.text, c.meta]));
    expect(() => readAllChunks(docstore, offsets, chunks.length + 1)).toThrow(/docstore\.offsets holds 3 entries, expected 4/);
  });

  it('a build from before the offsets file is parsed whole, as before', () => {
    const dir = tmpDir();
    const docstore = path.join(dir, 'docstore.json');
    writeChunkFiles(docstore, path.join(dir, 'docstore.offsets'), chunks);
    fs.rmSync(path.join(dir, 'docstore.offsets'));
    expect(readAllChunks(docstore, path.join(dir, 'docstore.offsets'), chunks.length).map((c) => c.id)).toEqual(['a.md#0', 'b.sql#0', 'c.md#0']);
  });
});
