import fs from 'node:fs';
import path from 'node:path';
import { loaderFor, loadDependencies, loadMarkdown, loadOpenApi, loadSql, loadCsv, SUPPORTED_EXTENSIONS } from '../../../ingest/loaders/index';

const samples = path.resolve(__dirname, '../../../ingest/samples');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('loaderFor', () => {
  it('picks loaders by extension and OpenAPI documents by content', () => {
    const none = Buffer.from('');
    expect(loaderFor('a/b.MD', none)).toBe(loadMarkdown);
    expect(loaderFor('schema.sql', none)).toBe(loadSql);
    expect(loaderFor('x.csv', none)).toBe(loadCsv);
    expect(loaderFor('api.yaml', Buffer.from('# comment\nopenapi: "3.1.0"\ninfo: {}\n'))).toBe(loadOpenApi);
    expect(loaderFor('api.json', Buffer.from('{"info": {}, "swagger": "2.0"}'))).toBe(loadOpenApi);
    expect(loaderFor('docker-compose.yml', Buffer.from('services:\n  web:\n    image: nginx\n'))).toBeUndefined();
    // package.json is read for its declared dependencies, never as OpenAPI.
    expect(loaderFor('package.json', Buffer.from('{"name": "x", "openapi_client": true}'))).toBe(loadDependencies);
    expect(loaderFor('tsconfig.json', Buffer.from('{"compilerOptions": {}}'))).toBeUndefined();
    expect(loaderFor('image.png', none)).toBeUndefined();
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.md', '.mdx', '.yaml', '.yml', '.json', '.sql', '.pdf', '.csv', '.txt']));
  });
});

describe('bundled sample docs (Parcelbird)', () => {
  it('loads every sample file with a loader and yields chunks', async () => {
    const files = filesUnder(samples);
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const rel = path.relative(samples, file).split(path.sep).join('/');
      const content = fs.readFileSync(file);
      const loader = loaderFor(rel, content);
      expect({ rel, hasLoader: !!loader }).toEqual({ rel, hasLoader: true });
      const { chunks } = await loader!(content, rel);
      expect({ rel, some: chunks.length > 0 }).toEqual({ rel, some: true });
    }
  });

  it('holds the concrete facts the docs promise', async () => {
    const read = (rel: string): Buffer => fs.readFileSync(path.join(samples, rel));
    const api = await loadOpenApi(read('openapi.yaml'), 'openapi.yaml');
    const ops = api.chunks.filter((c) => c.kind === 'openapi-operation');
    expect(ops.length).toBeGreaterThanOrEqual(8);
    const list = ops.find((c) => c.section === 'GET /shipments')!;
    expect(list.meta?.parameters).toEqual(expect.arrayContaining([{ name: 'limit', in: 'query', type: 'integer', required: false, default: 25 }]));
    const sql = await loadSql(read('schema.sql'), 'schema.sql');
    expect(sql.tables!.length).toBeGreaterThanOrEqual(8);
    const join = sql.tables!.find((t) => t.name === 'account_carriers')!;
    expect(join.foreignKeys.map((f) => f.refTable).sort()).toEqual(['accounts', 'carriers']);
    const guide = await loadMarkdown(read('guide/webhooks.md'), 'guide/webhooks.md');
    expect(guide.chunks.map((c) => c.section)).toContain('Webhooks > Verifying signatures');
    for (const file of filesUnder(samples)) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/pb_(live|test)_[A-Za-z0-9]{8,}|sk_live|xox[bp]-/);
  });
});
