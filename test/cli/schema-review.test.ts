import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline';
import { schemaReviewCommand } from '../../src/cli/schema-review';
import { ErrorCode } from '../../src/errors';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { bundledSamplesDir } from '../../src/paths';
import { tmpDir } from '../support/tmp';

function sink() {
  const out: string[] = [];
  return { out, write: (s: string) => out.push(s) };
}

describe('deskmate schema-review', () => {
  it('reviews SQL files given on the command line, as JSON', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'loop.sql');
    fs.writeFileSync(file, 'CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b(id));\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a(id));\nCREATE TABLE c (a_id int REFERENCES a(id));\n');
    const s = sink();
    await schemaReviewCommand([file], { json: true }, s);
    const review = JSON.parse(s.out.join(''));
    expect(review.cycles).toEqual([['a', 'b']]);
    expect(review.order.indexOf('c')).toBeGreaterThan(review.order.indexOf('a'));
    expect(review.withoutPrimaryKey).toEqual(['c']);
  });

  it('without files, reviews the tables of the docs index as text', async () => {
    const indexDir = tmpDir();
    await runIngest({ roots: [bundledSamplesDir()], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
    const s = sink();
    await schemaReviewCommand([], { index: indexDir }, s);
    const text = s.out.join('');
    expect(text).toMatch(/^\*Schema review\* — 11 tables/);
    expect(text).toMatch(/1\. accounts, carriers/);
  });

  it('says what to do when a file is missing or holds no tables', async () => {
    await expect(schemaReviewCommand(['/nonexistent/schema.sql'], {}, sink())).rejects.toMatchObject({ code: ErrorCode.SourceNotFound });
    const file = path.join(tmpDir(), 'empty.sql');
    fs.writeFileSync(file, 'SELECT 1;\n');
    await expect(schemaReviewCommand([file], {}, sink())).rejects.toMatchObject({ code: ErrorCode.SourceNotFound });
  });
});
