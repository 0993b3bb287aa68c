import { runIngest } from '../../../ingest/pipeline';
import fs from 'node:fs';
import path from 'node:path';
import { docsContextFor, openBuiltIndex } from '../../../src/knowledge/answer/docs-context';
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
    const index = await openBuiltIndex(config);
    const context = await docsContextFor(index, messages);
    expect(context.length).toBeGreaterThan(0);
    expect(context[0].path).toBe('guide/webhooks.md');
    const draft = await draftCopy(messages, { config, productName: 'Parcelbird', context });
    expect(draft.docs.map((d) => d.path)).toContain('guide/webhooks.md');
    // A change the docs say nothing about gets no citation rather than an unrelated one.
    expect(await docsContextFor(index, ['feat: update rolldown to 1.0.0-beta.53 (#537)'])).toEqual([]);
  });

  it('returns no context, without failing, when there is no index', async () => {
    const config = loadConfig({ env: { DESKMATE_INDEX_DIR: tmpDir() }, cwd: tmpDir() });
    expect(await openBuiltIndex(config)).toBeUndefined();
    expect(await docsContextFor(undefined, ['feat: anything'])).toEqual([]);
  });

  it('follows a reindex: the shared index, once reloaded, cites the new section (no private stale copy)', async () => {
    const docs = tmpDir();
    const indexDir = tmpDir();
    const embedder = { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() };
    fs.writeFileSync(path.join(docs, 'billing.md'), '# Invoices\n\nInvoices are issued monthly and can be downloaded as PDF from the billing page.\n');
    await runIngest({ roots: [docs], indexDir, embedder });
    const config = loadConfig({ env: { DESKMATE_INDEX_DIR: indexDir }, cwd: tmpDir() });
    const index = (await openBuiltIndex(config))!;
    const message = ['feat(exports): export shipments as a spreadsheet file from the exports page'];
    expect((await docsContextFor(index, message)).map((d) => d.path)).not.toContain('exports.md');
    fs.writeFileSync(path.join(docs, 'exports.md'), '# Exports\n\nExport shipments as a spreadsheet (CSV) file from the exports page; exports include every shipment of the period.\n');
    await runIngest({ roots: [docs], indexDir, embedder });
    expect(await index.reloadIfChanged()).toBe(true);
    expect((await docsContextFor(index, message)).map((d) => d.path)).toContain('exports.md');
  });
});
