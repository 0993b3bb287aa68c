import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { discoverSources, type SkippedPath } from '../../ingest/discover';
import { runIngest } from '../../ingest/pipeline';
import { run } from '../../src/cli/main';
import { ErrorCode } from '../../src/errors';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { tmpDir } from '../support/tmp';

/**
 * A docs folder with what real ones contain by accident: a symlink loop, a link to itself, a dangling
 * link, a FIFO (reading one blocks forever), a second link to a folder. These run as root here, where
 * chmod 000 does not stop reads, so unreadable paths are made of links and a FIFO; the chmod case
 * runs too when the tests are not root.
 */
function messyDocs(): string {
  const docs = path.join(tmpDir('deskmate-messy-'), 'docs');
  fs.mkdirSync(path.join(docs, 'guide'), { recursive: true });
  fs.writeFileSync(path.join(docs, 'a.md'), '# Shipping\n\nLabels are valid for 7 days.\n');
  fs.writeFileSync(path.join(docs, 'guide', 'b.md'), '# Returns\n\nReturn labels cost 4.50 EUR.\n');
  fs.symlinkSync('..', path.join(docs, 'guide', 'loop'));
  fs.symlinkSync('self', path.join(docs, 'self'));
  fs.symlinkSync('missing.md', path.join(docs, 'dangling.md'));
  fs.symlinkSync('guide', path.join(docs, 'alias'));
  execFileSync('mkfifo', [path.join(docs, 'pipe.md')]);
  return docs;
}

const embedder = { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() };

test('a symlink loop, a self-link, a dangling link and a FIFO are reported and skipped; the rest is found once', () => {
  const skipped: SkippedPath[] = [];
  const found = discoverSources([messyDocs()], skipped);
  expect(found.map((f) => f.relPath)).toEqual(['a.md', 'guide/b.md']);
  const why = Object.fromEntries(skipped.map((s) => [s.path, s.error]));
  expect(why['guide/loop']).toMatch(/symlink loop/);
  expect(why.self).toMatch(/symlink loop/);
  expect(why['dangling.md']).toMatch(/dangling link/);
  expect(why['pipe.md']).toMatch(/not a regular file/);
  expect(why.alias).toMatch(/second link to guide/);
});

test('ingest over that folder finishes, indexes the readable files and lists what it skipped', async () => {
  const indexDir = tmpDir('deskmate-messy-index-');
  const r = await runIngest({ roots: [messyDocs()], indexDir, embedder });
  expect(r.added).toEqual(['a.md', 'guide/b.md']);
  expect(r.chunks).toBeGreaterThanOrEqual(2);
  expect(r.failed.map((f) => f.path).sort()).toEqual(['alias', 'dangling.md', 'guide/loop', 'pipe.md', 'self']);
});

(process.getuid?.() === 0 ? test.skip : test)('a folder and a file without read permission are reported and skipped (not root)', () => {
  const docs = messyDocs();
  fs.mkdirSync(path.join(docs, 'locked'));
  fs.writeFileSync(path.join(docs, 'locked', 'c.md'), '# c');
  fs.chmodSync(path.join(docs, 'locked'), 0o000);
  const skipped: SkippedPath[] = [];
  try {
    expect(discoverSources([docs], skipped).map((f) => f.relPath)).toEqual(['a.md', 'guide/b.md']);
    expect(skipped.find((s) => s.path === 'locked')?.error).toMatch(/permission denied/);
  } finally {
    fs.chmodSync(path.join(docs, 'locked'), 0o755);
  }
});

describe('an empty source set', () => {
  test('is an error that says what to do, and writes nothing', async () => {
    const empty = tmpDir('deskmate-empty-docs-');
    fs.writeFileSync(path.join(empty, 'logo.png'), 'not indexed');
    const indexDir = path.join(tmpDir('deskmate-empty-index-'), 'index');
    await expect(runIngest({ roots: [empty], indexDir, embedder })).rejects.toMatchObject({ code: ErrorCode.SourceNotFound, message: expect.stringMatching(/No file to index[\s\S]*--allow-empty/) });
    expect(fs.existsSync(indexDir)).toBe(false);
  });

  test('with allowEmpty an empty index is written', async () => {
    const indexDir = tmpDir('deskmate-empty-index-');
    const r = await runIngest({ roots: [tmpDir('deskmate-empty-docs-')], indexDir, embedder, allowEmpty: true });
    expect(r.chunks).toBe(0);
    expect(fs.readdirSync(indexDir).length).toBeGreaterThan(0);
  });

  test('the CLI exits 1 with the message, no stack trace; --allow-empty exits 0', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      written.push(String(s));
      return true;
    });
    const before = process.exitCode;
    try {
      process.exitCode = 0;
      await run(['node', 'deskmate', 'ingest', tmpDir('deskmate-empty-docs-'), '--index', tmpDir('deskmate-empty-index-'), '--quiet']);
      expect(process.exitCode).toBe(1);
      expect(written.join('')).toMatch(/^deskmate: No file to index/m);
      expect(written.join('')).not.toMatch(/\n\s+at /);
      process.exitCode = 0;
      await run(['node', 'deskmate', 'ingest', tmpDir('deskmate-empty-docs-'), '--index', tmpDir('deskmate-empty-index-'), '--quiet', '--allow-empty', '--json']);
      expect(process.exitCode).toBe(0);
    } finally {
      spy.mockRestore();
      process.exitCode = before;
    }
  });
});
