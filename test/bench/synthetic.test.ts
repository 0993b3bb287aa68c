import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMarkdown } from '../../ingest/loaders/markdown';
import { exactTopK, percentiles } from '../../bench/bench-query';
import { makeVocabulary, seededRandom, syntheticQuestions, writeSyntheticCorpus } from '../../bench/synthetic';

function readAll(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

describe('synthetic bench corpus', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'synthetic-test-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is the same for the same seed and differs for another', () => {
    writeSyntheticCorpus(path.join(tmp, 'a'), 40, 1);
    writeSyntheticCorpus(path.join(tmp, 'b'), 40, 1);
    writeSyntheticCorpus(path.join(tmp, 'c'), 40, 2);
    expect(readAll(path.join(tmp, 'a'))).toEqual(readAll(path.join(tmp, 'b')));
    expect(readAll(path.join(tmp, 'a'))).not.toEqual(readAll(path.join(tmp, 'c')));
  });

  it('loads as one chunk per section, each 400-700 characters with an endpoint line', async () => {
    const corpus = writeSyntheticCorpus(tmp, 37, 3, 8);
    expect(corpus.files).toBe(5);
    let chunks = 0;
    for (const f of fs.readdirSync(tmp, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.md'))) {
      const raw = fs.readFileSync(path.join(tmp, f), 'utf8');
      for (const section of raw.split(/\n(?=## )/).slice(1)) {
        expect(section.trim().length).toBeGreaterThanOrEqual(400);
        expect(section.trim().length).toBeLessThanOrEqual(720);
        expect(section).toMatch(/`(GET|POST|PUT|PATCH|DELETE) \/v1\/\w+/);
      }
      chunks += (await loadMarkdown(Buffer.from(raw), f)).chunks.length;
    }
    expect(chunks).toBe(37);
  });

  it('builds questions from its vocabulary, deterministically', () => {
    const vocab = makeVocabulary(seededRandom(5), 500, 50);
    expect(new Set(vocab.words).size).toBe(500);
    const qs = syntheticQuestions(vocab, 20, 9);
    expect(qs).toEqual(syntheticQuestions(vocab, 20, 9));
    for (const q of qs) expect(vocab.resources.some((r) => q.includes(r))).toBe(true);
  });
});

describe('bench helpers', () => {
  it('finds the exact top-k by dot product', () => {
    const vectors = new Float32Array([1, 0, 0, 1, 0.6, 0.8, -1, 0]);
    expect(exactTopK(vectors, 2, [1, 0], 2).map(([i]) => i)).toEqual([0, 2]);
  });

  it('takes percentiles from the sorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples)).toEqual({ p50: 51, p99: 100 });
  });
});
