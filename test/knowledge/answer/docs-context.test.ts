import { runIngest } from '../../../ingest/pipeline';
import { docsContextFor } from '../../../src/knowledge/answer/docs-context';
import { loadConfig } from '../../../src/config';
import { draftCopy } from '../../../src/copy/draft';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../../src/llm/local-embeddings';
import { bundledSamplesDir } from '../../../src/paths';
import { tmpDir } from '../../support/tmp';

describe('copy with docs context', () => {
  it('finds the docs sections about the changed feature and the draft cites them', async () => {
    const indexDir = tmpDir();
    await runIngest({ roots: [bundledSamplesDir()], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
    const config = loadConfig({ env: { DESKMATE_INDEX_DIR: indexDir }, cwd: tmpDir() });
    const messages = ['feat(webhooks): verify webhook signatures with the new signing secret rotation'];
    const context = await docsContextFor(config, messages);
    expect(context.length).toBeGreaterThan(0);
    expect(context[0].path).toBe('guide/webhooks.md');
    const draft = await draftCopy(messages, { config, productName: 'Parcelbird', context });
    expect(draft.docs.map((d) => d.path)).toContain('guide/webhooks.md');
    // A change the docs say nothing about gets no citation rather than an unrelated one.
    expect(await docsContextFor(config, ['feat: update rolldown to 1.0.0-beta.53 (#537)'])).toEqual([]);
  });

  it('returns no context, without failing, when there is no index', async () => {
    const config = loadConfig({ env: { DESKMATE_INDEX_DIR: tmpDir() }, cwd: tmpDir() });
    expect(await docsContextFor(config, ['feat: anything'])).toEqual([]);
  });
});
