import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline';
import { readIndexData, readManifest } from '../../src/knowledge/index/index-store';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { bundledSamplesDir } from '../../src/paths';
import { allText, tmpDir } from '../support/tmp';

const local = { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() };

function docsFolder(files: Record<string, string>): string {
  const dir = tmpDir('deskmate-docs-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('runIngest', () => {
  it('indexes the bundled sample set with the local embedder and records it in the manifest', async () => {
    const indexDir = tmpDir();
    const r = await runIngest({ roots: [bundledSamplesDir()], indexDir, embedder: local });
    expect(r.failed).toEqual([]);
    expect(r.chunks).toBeGreaterThan(20);
    const manifest = readManifest(indexDir)!;
    expect(manifest.embedder).toEqual({ name: LOCAL_EMBEDDER_NAME, dimensions: 256 });
    expect(Object.keys(manifest.sources)).toEqual(expect.arrayContaining(['openapi.yaml', 'schema.sql', 'guide/webhooks.md', 'carriers.csv']));
    const data = readIndexData(indexDir)!;
    expect(data.tables.map((t) => t.name)).toContain('account_carriers');
    // The manifest names the build directory that holds everything else (docs/index-layout.md).
    expect(manifest.build).toMatch(/^builds\//);
    const build = path.join(indexDir, manifest.build!);
    for (const f of ['hnswlib.index', 'args.json', 'docstore.json', 'docstore.offsets', 'vectors.f32', 'lexical.bin', 'catalog.json', 'manifest.json']) expect({ f, exists: fs.existsSync(path.join(build, f)) }).toEqual({ f, exists: true });
    expect(fs.readdirSync(indexDir).sort()).toEqual(['builds', 'manifest.json']);
  });

  it('never writes a secret into the index and reports each redaction by file and line, without the secret', async () => {
    const awsKey = 'AKIAZ7QW3RT5YU8IOP2M';
    const dbPassword = 'Xk9#mQ2vL8pW';
    const email = 'dana.whitfield@corp-mail.net';
    const docs = docsFolder({
      'setup.md': `# Setup\n\nConnect with postgres://admin:${dbPassword}@db.internal:5432/app and\nset AWS_ACCESS_KEY_ID=${awsKey}.\n\n## Contact\n\nMail ${email} for access.\n`,
      'schema.sql': `-- owner: ${email}\nCREATE TABLE t (id int PRIMARY KEY, note text DEFAULT 'password: ${dbPassword}');\n`,
    });
    const indexDir = tmpDir();
    const r = await runIngest({ roots: [docs], indexDir, embedder: local });
    const stored = allText(indexDir);
    for (const secret of [awsKey, dbPassword, email]) expect({ secret, leaked: stored.includes(secret) }).toEqual({ secret, leaked: false });
    expect(stored).toContain('[REDACTED:');
    expect(r.redactions.total).toBeGreaterThanOrEqual(3);
    expect(r.redactions.locations).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'setup.md', line: 3 }), expect.objectContaining({ path: 'setup.md', line: 8 })]));
    expect(JSON.stringify(r.redactions)).not.toContain(awsKey);
  });

  it('re-embeds only changed files, and drops files no longer under the roots', async () => {
    const docs = docsFolder({ 'a.md': '# A\n\nAlpha text about apples.\n', 'b.md': '# B\n\nBeta text about bananas.\n', 'c.md': '# C\n\nGamma text.\n' });
    const indexDir = tmpDir();
    const first = await runIngest({ roots: [docs], indexDir, embedder: local });
    expect(first.added.sort()).toEqual(['a.md', 'b.md', 'c.md']);
    const again = await runIngest({ roots: [docs], indexDir, embedder: local });
    expect(again.embedded).toBe(0);
    expect(again.unchanged.sort()).toEqual(['a.md', 'b.md', 'c.md']);

    fs.writeFileSync(path.join(docs, 'b.md'), '# B\n\nBeta text about blueberries now.\n\n## More\n\nAnother section.\n');
    fs.rmSync(path.join(docs, 'c.md'));
    const third = await runIngest({ roots: [docs], indexDir, embedder: local });
    expect(third.updated).toEqual(['b.md']);
    expect(third.removed).toEqual(['c.md']);
    expect(third.embedded).toBe(2);
    const data = readIndexData(indexDir)!;
    expect(data.chunks.map((c) => c.path).sort()).toEqual(['a.md', 'b.md', 'b.md']);
    expect(data.chunks.find((c) => c.path === 'b.md')!.text).toContain('blueberries');
    // Reused vectors are the ones the file had, not zeros.
    const a = data.chunks.findIndex((c) => c.path === 'a.md');
    expect(Array.from(data.vectors.subarray(a * 256, a * 256 + 256)).some((x) => x !== 0)).toBe(true);
  });

  it('reports a file that cannot be parsed and indexes the rest', async () => {
    const docs = docsFolder({ 'good.md': '# Good\n\nFine.\n', 'broken.yaml': 'openapi: 3.0.0\npaths: [unclosed\n' });
    const r = await runIngest({ roots: [docs], indexDir: tmpDir(), embedder: local });
    expect(r.failed.map((f) => f.path)).toEqual(['broken.yaml']);
    expect(r.failed[0].error).toMatch(/broken\.yaml/);
    expect(r.added).toEqual(['good.md']);
  });

  it('does not echo a secret that a parser quotes in its error message', async () => {
    const key = 'AKIAZ7QW3RT5YU8IOP2M';
    const docs = docsFolder({ 'bad.yaml': `openapi: 3.0.0\npaths: [ "aws_key=${key}"\n  - broken: [\n` });
    const r = await runIngest({ roots: [docs], indexDir: tmpDir(), embedder: local });
    expect(r.failed).toHaveLength(1);
    expect(JSON.stringify(r.failed)).not.toContain(key);
  });

  it('stores paths relative to one root, prefixed by root name with several, and a lone file by its name', async () => {
    const one = docsFolder({ 'guide/x.md': '# X\n\nx.\n' });
    const two = docsFolder({ 'y.md': '# Y\n\ny.\n' });
    const i1 = tmpDir();
    await runIngest({ roots: [one], indexDir: i1, embedder: local });
    expect(Object.keys(readManifest(i1)!.sources)).toEqual(['guide/x.md']);
    const i2 = tmpDir();
    await runIngest({ roots: [one, two], indexDir: i2, embedder: local });
    expect(Object.keys(readManifest(i2)!.sources).sort()).toEqual([`${path.basename(one)}/guide/x.md`, `${path.basename(two)}/y.md`].sort());
    const i3 = tmpDir();
    await runIngest({ roots: [path.join(two, 'y.md')], indexDir: i3, embedder: local });
    expect(Object.keys(readManifest(i3)!.sources)).toEqual(['y.md']);
  });

  it('does not follow links that leave the ingest root', async () => {
    const outside = docsFolder({ 'private.md': '# Private\n\nOutside the root.\n' });
    const docs = docsFolder({ 'in.md': '# In\n\nInside.\n' });
    fs.symlinkSync(path.join(outside, 'private.md'), path.join(docs, 'escape.md'));
    const indexDir = tmpDir();
    await runIngest({ roots: [docs], indexDir, embedder: local });
    expect(Object.keys(readManifest(indexDir)!.sources)).toEqual(['in.md']);
  });
});
