import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline';
import { describePhase } from '../../ingest/progress';
import { redactionsInIndex, summarize } from '../../src/terminal/ingest-run';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { tmpDir } from '../support/tmp';

const quiet = { start: () => {}, tick: () => {}, stop: () => {} };

describe('ingest output', () => {
  it('a re-ingest says no new redactions and how many the index holds', async () => {
    const docs = tmpDir();
    const indexDir = path.join(tmpDir(), 'index');
    try {
      // Test-only fake credentials in the shapes the sanitizer knows.
      fs.writeFileSync(path.join(docs, 'setup.md'), '# Setup\n\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\nUse the token xoxb-123456789012-123456789012-abcdefghijklmnopqrstuvwx for the bot.\n');
      const opts = { roots: [docs], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() }, progress: quiet };
      const first = await runIngest(opts);
      expect(first.redactions.total).toBeGreaterThan(0);
      const again = await runIngest(opts);
      expect(again.redactions.total).toBe(0);
      const held = redactionsInIndex(indexDir);
      expect(held).toBeGreaterThanOrEqual(first.redactions.total);
      expect(summarize(again, held)).toContain(`Redactions: none new; ${held} in the index.`);
      expect(summarize(again, 0)).toContain('Redactions: none needed.');
    } finally {
      fs.rmSync(docs, { recursive: true, force: true });
      fs.rmSync(path.dirname(indexDir), { recursive: true, force: true });
    }
  });

  it('progress lines say what each phase is doing', () => {
    expect(describePhase('ingest', 3, 8)).toBe('Reading, sanitizing and embedding: 3/8 files');
    expect(describePhase('index', 0, 1)).toBe('Writing the search index …');
    expect(describePhase('index', 1, 1)).toBe('Writing the search index: done');
  });
});
