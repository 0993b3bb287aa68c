import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeSyntheticCorpus } from '../../bench/synthetic';
import { runIngest } from '../../ingest/pipeline';
import { loadConfig } from '../../src/config';
import { Asker } from '../../src/knowledge/answer/ask';
import { readIndexData, readManifest } from '../../src/knowledge/index/index-store';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { packageRoot } from '../../src/paths';
import { tmpDir } from '../support/tmp';

/**
 * #12: an ingest killed with SIGKILL at any moment leaves the previous index usable, and the next run
 * clears what the killed one left. Real files, a real child process running the built CLI.
 */
const local = { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() };
const cli = path.join(packageRoot(), 'bin', 'deskmate.js');
const config = () => loadConfig({ env: {}, cwd: tmpDir() });

function startIngest(docs: string, indexDir: string): ChildProcess {
  return spawn(process.execPath, [cli, 'ingest', docs, '--index', indexDir], { stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'silent' } });
}

/** Resolves once `ready()` holds (polled), or when the child has exited; says which. */
function when(child: ChildProcess, ready: () => boolean): Promise<'ready' | 'exited'> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (child.exitCode !== null || child.signalCode !== null) finish('exited');
      else if (ready()) finish('ready');
    }, 2);
    const finish = (how: 'ready' | 'exited') => {
      clearInterval(timer);
      resolve(how);
    };
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const buildsOf = (indexDir: string) => (fs.existsSync(path.join(indexDir, 'builds')) ? fs.readdirSync(path.join(indexDir, 'builds')) : []);

/** The index answers, and every file agrees on the chunk count (no "chunk-count mismatch"). */
async function expectUsable(indexDir: string, expected: { chunks: number; build: string }): Promise<void> {
  const manifest = readManifest(indexDir)!;
  expect({ build: manifest.build, chunks: manifest.chunkCount }).toEqual(expected);
  const data = readIndexData(indexDir)!;
  expect(data.chunks).toHaveLength(expected.chunks);
  const asker = await Asker.open(config(), indexDir);
  expect(asker.chunkCount).toBe(expected.chunks);
  const r = await asker.ask('How do I list the ledger entries?');
  expect(r.sources.length).toBeGreaterThan(0);
  expect(r.sources.every((s) => s.path.length > 0)).toBe(true);
}

describe('atomic index builds', () => {
  jest.setTimeout(240_000);
  let docs: string;
  let indexDir: string;
  let first: { chunks: number; build: string };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(packageRoot(), 'dist', 'src', 'cli', 'main.js'))) throw new Error('this test runs the built CLI: run `npm run build` first');
    docs = tmpDir('deskmate-docs-');
    writeSyntheticCorpus(docs, 2500, 11);
    fs.writeFileSync(path.join(docs, 'ledger.md'), '# Ledger\n\n## List ledger entries\n\n`GET /v1/ledger/entries` lists the ledger entries, newest first.\n');
    indexDir = tmpDir();
    await runIngest({ roots: [docs], indexDir, embedder: local });
    const m = readManifest(indexDir)!;
    first = { chunks: m.chunkCount, build: m.build! };
    // A change, so the killed runs have real work to do (embedding, graph, writing).
    fs.writeFileSync(path.join(docs, 'ledger.md'), '# Ledger\n\n## List ledger entries\n\n`GET /v1/ledger/entries` lists the ledger entries.\n\n## Export the ledger\n\n`GET /v1/ledger/export` returns CSV.\n');
  });

  // Moments of a run, each observed on disk: as soon as it starts, once its build directory exists,
  // once the graph file is in it, once the chunks are being written, once the postings are.
  const inNewBuild = (file: string) => () => buildsOf(indexDir).some((b) => `builds/${b}` !== first.build && fs.existsSync(path.join(indexDir, 'builds', b, file)));
  const moments: Array<[string, () => boolean]> = [
    ['right after spawn', () => true],
    ['once the new build directory exists', () => buildsOf(indexDir).some((b) => `builds/${b}` !== first.build)],
    ['once the graph is written into it', inNewBuild('hnswlib.index')],
    ['while the chunks are written', inNewBuild('docstore.json')],
    ['while the postings are written', inNewBuild('lexical.bin')],
  ];

  it.each(moments)('a kill -9 %s leaves the previous index answering', async (_moment, ready) => {
    const child = startIngest(docs, indexDir);
    const how = await when(child, ready);
    await killed(child);
    // Either the run was killed before its switch (the old build answers) or it finished (the new one does).
    const now = readManifest(indexDir)!;
    if (how === 'ready' && now.build === first.build) await expectUsable(indexDir, first);
    else await expectUsable(indexDir, { chunks: now.chunkCount, build: now.build! });
  });

  it('the next run removes what killed runs left, and a running asker hot-reloads the new build', async () => {
    // A leftover from before builds/ existed: a graph file named after a dead writer.
    fs.writeFileSync(path.join(indexDir, 'hnswlib.index.build-999999999'), 'partial');
    const asker = await Asker.open(config(), indexDir);
    const before = readManifest(indexDir)!;
    await runIngest({ roots: [docs], indexDir, embedder: local });
    const after = readManifest(indexDir)!;
    expect(after.build).not.toBe(before.build);
    expect(after.chunkCount).toBe(first.chunks + 1);
    // What stays: the new build and the one it replaced (a reader may have just opened it).
    expect(buildsOf(indexDir).map((b) => `builds/${b}`).sort()).toEqual([before.build!, after.build!].sort());
    expect(fs.readdirSync(indexDir).sort()).toEqual(['builds', 'manifest.json']);
    // The asker opened on the old build still answers from it until it reloads, then sees the new one.
    expect((await asker.ask('How do I export the ledger?')).sources.length).toBeGreaterThan(0);
    expect(await asker.reloadIfChanged()).toBe(true);
    expect(asker.chunkCount).toBe(after.chunkCount);
    expect((await asker.ask('How do I export the ledger?')).sources[0].section).toMatch(/Export the ledger/);
    // One more run removes the replaced build.
    await runIngest({ roots: [docs], indexDir, embedder: local });
    expect(buildsOf(indexDir).map((b) => `builds/${b}`)).toEqual(expect.not.arrayContaining([before.build!]));
    await expectUsable(indexDir, { chunks: after.chunkCount, build: readManifest(indexDir)!.build! });
  });
});
