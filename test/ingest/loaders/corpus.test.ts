import fs from 'node:fs';
import path from 'node:path';
import { loaderFor, loadMarkdown, loadOpenApi, loadSql } from '../../../ingest/loaders/index';
import { ErrorCode } from '../../../src/errors';

/** The shared third-party corpus sits next to the repository; without it these cases are skipped. */
const corpus = path.resolve(__dirname, '../../../../shared/corpus');
const present = fs.existsSync(corpus);
const describeCorpus = present ? describe : describe.skip;
if (!present) console.warn(`corpus tests skipped: ${corpus} is absent`);

describeCorpus('loaders on the real corpus', () => {
  const read = (rel: string): Buffer => fs.readFileSync(path.join(corpus, rel));

  it('Mastodon statuses.md: heading-path sections and the endpoint of each method', async () => {
    const rel = 'mastodon-api/methods/statuses.md';
    const { chunks } = await loadMarkdown(read(rel), rel);
    const favourite = chunks.find((c) => c.section === 'statuses API methods > Favourite a status')!;
    expect(favourite.meta?.endpoints).toEqual(['POST /api/v1/statuses/:id/favourite']);
    expect(favourite.text).toContain('POST /api/v1/statuses/:id/favourite HTTP/1.1');
    expect(favourite.text).not.toContain('{{');
    const source = fs.readFileSync(path.join(corpus, rel), 'utf8').split('\n');
    expect(source[favourite.line! - 1]).toMatch(/^## Favourite a status/);
    const endpoints = new Set(chunks.flatMap((c) => (c.meta?.endpoints as string[] | undefined) ?? []));
    expect([...endpoints]).toEqual(expect.arrayContaining(['POST /api/v1/statuses/:id/reblog', 'GET /api/v1/statuses/:id/context', 'PUT /api/v1/statuses/:id']));
    // Pieces stay near 1,500 characters; only one oversized block (a long JSON example) may make a piece longer, never cut open.
    expect(chunks.every((c) => c.text.length <= 1500 || !c.text.replace(/```[\s\S]*?```/g, '').trim().includes('\n\n'))).toBe(true);
    expect(chunks.every((c) => (c.text.match(/^\s*```/gm) ?? []).length % 2 === 0)).toBe(true);
  });

  it('every Mastodon method page loads', async () => {
    const dir = path.join(corpus, 'mastodon-api/methods');
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const { chunks } = await loadMarkdown(fs.readFileSync(path.join(dir, name)), `mastodon-api/methods/${name}`);
      expect(chunks.length).toBeGreaterThan(0);
    }
  });

  it('Discourse OpenAPI: over 50 operations, loaded within a few seconds', async () => {
    const rel = 'openapi/discourse-openapi.yml';
    const content = read(rel);
    expect(loaderFor(rel, content)).toBe(loadOpenApi);
    const started = Date.now();
    const { chunks } = await loadOpenApi(content, rel);
    expect(Date.now() - started).toBeLessThan(8000);
    const ops = chunks.filter((c) => c.kind === 'openapi-operation');
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.every((c) => c.text.length <= 2000 && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE) \//.test(c.section))).toBe(true);
    expect(ops.find((c) => c.section === 'POST /posts.json')!.text).toContain('- raw (string, required)');
  });

  it('Pagila: film_actor has foreign keys to actor and film; tables and partitions are all found', async () => {
    const rel = 'schema/pagila-schema.sql';
    const { tables, chunks } = await loadSql(read(rel), rel);
    const filmActor = tables!.find((t) => t.name === 'film_actor')!;
    expect(filmActor.foreignKeys.map((f) => `${f.columns.join()}→${f.refTable}.${f.refColumns.join()}`).sort()).toEqual(['actor_id→actor.actor_id', 'film_id→film.film_id']);
    expect(filmActor.primaryKey).toEqual(['actor_id', 'film_id']);
    const base = tables!.filter((t) => !/_p\d{4}_\d{2}$/.test(t.name));
    expect(base.length).toBeGreaterThanOrEqual(15);
    expect(tables!.length).toBeGreaterThan(base.length);
    const film = chunks.find((c) => c.section === 'table film')!;
    expect(film.text).toContain('rating: public.mpaa_rating');
    expect(film.text).toMatch(/Referenced by: .*film_actor \(film_id → film\.film_id\)/);
  });

  it('broken versions of corpus files fail with ParseFailed, never a crash', async () => {
    const yaml = read('openapi/discourse-openapi.yml').toString('utf8');
    const cut = Buffer.from(yaml.slice(0, Math.floor(yaml.length / 3)) + '\n  bad: [\n');
    await expect(loadOpenApi(cut, 'cut.yml')).rejects.toMatchObject({ code: ErrorCode.ParseFailed });
  });
});
