import type { GraphBuilder } from '../../ingest/graph-builder';
import { VectorFeed } from '../../ingest/vector-feed';
import { LocalHashEmbeddings } from '../../src/llm/local-embeddings';

/** A graph builder that records what the feed hands it (the worker is only in the built package). */
function recordingBuilder() {
  const calls: { init: Array<{ dims: number; hint: number }>; adds: Array<{ first: number; rows: Float32Array }> } = { init: [], adds: [] };
  const builder: GraphBuilder = {
    init: (dims, hint) => void calls.init.push({ dims, hint }),
    add: (rows, first) => void calls.adds.push({ first, rows }),
    finish: async () => ({}),
    abort: async () => {},
  };
  return { builder, calls };
}

describe('VectorFeed', () => {
  const embeddings = new LocalHashEmbeddings();
  const texts = Array.from({ length: 23 }, (_, i) => `Section ${i}\nHow to rotate key ${i} for the parcel API`);

  it('hands the graph every row once, in label order, while texts are still arriving', async () => {
    const { builder, calls } = recordingBuilder();
    const feed = new VectorFeed(embeddings, builder, 4, 2); // hint too small: buffers must grow
    for (const t of texts) {
      await feed.addText(t);
      await feed.maybeFlush();
    }
    expect(calls.adds.length).toBeGreaterThan(1); // batches went out before the end
    await feed.flush();
    expect(calls.init).toEqual([{ dims: 256, hint: 4 }]);
    let next = 0;
    for (const a of calls.adds) {
      expect(a.first).toBe(next);
      next += a.rows.length / 256;
    }
    expect(next).toBe(texts.length);
    const all = feed.vectors();
    expect(all.length).toBe(texts.length * 256);
    const expected = Float32Array.from((await embeddings.embedDocuments(texts)).flat());
    expect(all).toEqual(expected);
    for (const a of calls.adds) expect(a.rows).toEqual(all.subarray(a.first * 256, a.first * 256 + a.rows.length));
    expect(feed.embedded).toBe(texts.length);
  });

  it('keeps reused rows in place between embedded ones', async () => {
    const { builder, calls } = recordingBuilder();
    const feed = new VectorFeed(embeddings, builder, 8, 10, 256);
    const reused = Float32Array.from({ length: 3 * 256 }, (_, i) => (i % 7) / 7);
    await feed.addText(texts[0]);
    feed.addVectors(reused);
    await feed.addText(texts[1]);
    await feed.flush();
    const all = feed.vectors();
    expect(feed.size).toBe(5);
    expect(feed.embedded).toBe(2);
    expect(all.subarray(256, 4 * 256)).toEqual(reused);
    expect(all.subarray(0, 256)).toEqual(Float32Array.from(await embeddings.embedQuery(texts[0])));
    expect(all.subarray(4 * 256)).toEqual(Float32Array.from(await embeddings.embedQuery(texts[1])));
    expect(calls.adds.map((a) => [a.first, a.rows.length / 256])).toEqual([[0, 5]]);
  });

  it('refuses vectors whose dimensions differ from the index being extended', async () => {
    const { builder } = recordingBuilder();
    const feed = new VectorFeed(new LocalHashEmbeddings({ dimensions: 128 }), builder, 4, 4, 256);
    await feed.addText(texts[0]);
    await expect(feed.flush()).rejects.toThrow(/128 dimensions where the index has 256/);
  });
});
