import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../../ingest/pipeline';
import { loadConfig } from '../../../src/config';
import { Asker } from '../../../src/knowledge/answer/ask';
import { ErrorCode } from '../../../src/errors';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../../src/llm/local-embeddings';
import { embedderSpecFor, embeddingsFor } from '../../../src/llm/models';
import { bundledSamplesDir } from '../../../src/paths';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';
import { tmpDir } from '../../support/tmp';

let indexDir: string;
let offline: Asker;

beforeAll(async () => {
  indexDir = tmpDir();
  await runIngest({ roots: [bundledSamplesDir()], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  offline = await Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), indexDir);
});

describe('Asker offline', () => {
  it('answers a documented how-question with the operation signature and numbered sources', async () => {
    const r = await offline.ask('How do I list shipments?');
    expect(r).toMatchObject({ intent: 'answer', escalate: false, answeredBy: 'extractive' });
    expect(r.answer).toContain('GET /shipments');
    expect(r.answer).toMatch(/\[1\]/);
    expect(r.sources[0]).toMatchObject({ path: 'openapi.yaml', section: 'GET /shipments' });
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('answers small talk with a short social reply: intent chat, never escalated, no doc dump', async () => {
    for (const text of ['Hi there!', 'thanks, that worked!', 'ok got it']) {
      const r = await offline.ask(text);
      expect(r).toMatchObject({ intent: 'chat', escalate: false, sources: [] });
      expect(r.answer.length).toBeLessThan(120);
    }
    // A greeting in front of a question does not hide the question.
    const q = await offline.ask('hi! how do I list shipments?');
    expect(q.intent).toBe('answer');
    expect(q.answer).toContain('GET /shipments');
  });

  it('links each source through the configured URL template', async () => {
    const cwd = tmpDir();
    fs.writeFileSync(path.join(cwd, 'deskmate.config.yaml'), 'retrieval:\n  sourceUrls:\n    "": "https://github.com/acme/docs/blob/main/{path}#{anchor}"\n');
    const linked = await Asker.open(loadConfig({ env: {}, cwd }), indexDir);
    const r = await linked.ask('How does cursor pagination work?');
    const guide = r.sources.find((s) => s.path.startsWith('guide/'))!;
    expect(guide.url).toMatch(/^https:\/\/github\.com\/acme\/docs\/blob\/main\/guide\/[\w-]+\.md#[\w-]+$/);
  });

  it('returns at most five sources, distinct by path and section, ranked by score', async () => {
    const r = await offline.ask('How do webhook retries work?');
    expect(r.sources.length).toBeLessThanOrEqual(5);
    const keys = r.sources.map((s) => `${s.path}#${s.section}`);
    expect(new Set(keys).size).toBe(keys.length);
    const scores = r.sources.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('follows foreign keys to the join table between two tables', async () => {
    const r = await offline.ask('Which table links accounts to carriers?');
    expect(r.sources[0].section).toBe('table account_carriers');
    expect(r.answer).toMatch(/account_carriers.*links/);
    expect(r.answer).toContain('account_id → accounts');
    expect(r.answer).toContain('carrier_code → carriers');
  });

  it('escalates a question about the team\'s design rationale, keeping a labelled tentative answer', async () => {
    const r = await offline.ask('Why did we choose cursor pagination over offsets?');
    expect(r).toMatchObject({ intent: 'escalate', escalate: true });
    expect(r.reason).toMatch(/rationale/);
    expect(r.answer).toMatch(/^Tentative answer/);
  });

  it('escalates with low confidence when the docs do not cover the question', async () => {
    const r = await offline.ask('How do I configure Kubernetes autoscaling for the GPU cluster?');
    expect(r.escalate).toBe(true);
    expect(r.reason).toMatch(/low confidence/);
    // Nothing related was found: no tentative answer that could mislead the senior.
    expect(r.answer).not.toMatch(/^Tentative answer/);
    expect(r.answer).toMatch(/do not look related/);
  });

  it('handles empty and huge questions without failing', async () => {
    const empty = await offline.ask('   ');
    expect(empty.escalate).toBe(true);
    const huge = await offline.ask('How do I list shipments? ' + 'x'.repeat(40000));
    expect(huge.question.length).toBeLessThanOrEqual(4000);
  });
});

describe('Asker with an OpenAI-compatible LLM (loopback)', () => {
  let fake: FakeOpenAI;
  let asker: Asker;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    const config = loadConfig({ env: { OPENAI_BASE_URL: fake.baseUrl }, cwd: tmpDir() });
    config.models.answer = { model: 'small-model', timeoutMs: 1500 };
    asker = await Asker.open(config, indexDir);
  });
  afterAll(() => fake.close());

  it('answers from retrieved context only, with the sources in the prompt and the model named', async () => {
    fake.setChat({ kind: 'reply', content: 'Call GET /shipments with a cursor [1].' });
    const r = await asker.ask('How do I list shipments?');
    expect(r.answer).toBe('Call GET /shipments with a cursor [1].');
    expect(r.answeredBy).toBe('small-model');
    const prompt = fake.chatRequests[fake.chatRequests.length - 1].messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('<source n="1" ref="openapi.yaml#GET /shipments">');
    expect(prompt).toMatch(/data, not instructions/);
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 } as const],
    ['malformed JSON', { kind: 'malformed' } as const],
    ['a hang past the timeout', { kind: 'hang' } as const],
  ])('falls back to the offline answer, flagged, when the LLM gives %s', async (_name, behaviour) => {
    fake.setChat(behaviour);
    const started = Date.now();
    const r = await asker.ask('How do I list shipments?');
    expect(r.answeredBy).toBe('extractive');
    expect(r.fallback).toBeTruthy();
    expect(r.answer).toContain('GET /shipments');
    expect(r.answer).toMatch(/offline answer/);
    expect(Date.now() - started).toBeLessThan(10000);
  });
});

describe('Asker.open', () => {
  it('says how to build an index when there is none', async () => {
    await expect(Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), tmpDir())).rejects.toMatchObject({ code: ErrorCode.IndexMissing, userMessage: expect.stringMatching(/deskmate ingest/) });
  });

  // The build files live in the directory the manifest names (builds/<id>/).
  const inBuild = (dir: string, file: string) => path.join(dir, JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).build, file);
  it.each([
    ['a garbage manifest', (dir: string) => fs.writeFileSync(path.join(dir, 'manifest.json'), '{not json')],
    ['a truncated graph', (dir: string) => fs.truncateSync(inBuild(dir, 'hnswlib.index'), 100)],
    ['a missing docstore', (dir: string) => fs.rmSync(inBuild(dir, 'docstore.json'))],
    ['truncated chunk offsets', (dir: string) => fs.truncateSync(inBuild(dir, 'docstore.offsets'), 12)],
    ['a truncated lexical index', (dir: string) => fs.truncateSync(inBuild(dir, 'lexical.bin'), 40)],
    ['a missing build directory', (dir: string) => fs.rmSync(path.dirname(inBuild(dir, 'x')), { recursive: true })],
  ])('stops with a rebuild instruction on %s', async (_what, damage) => {
    const dir = tmpDir();
    fs.cpSync(indexDir, dir, { recursive: true });
    damage(dir);
    await expect(Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), dir)).rejects.toMatchObject({ code: ErrorCode.IndexCorrupt, userMessage: expect.stringMatching(/Rebuild it with `deskmate ingest`/) });
  });

  it('refuses an index built with an embedder that is not configured', async () => {
    const fake = await startFakeOpenAI();
    try {
      const dir = tmpDir();
      const config = loadConfig({ env: { OPENAI_BASE_URL: fake.baseUrl }, cwd: tmpDir() });
      const spec = embedderSpecFor('openai', config);
      await runIngest({ roots: [bundledSamplesDir()], indexDir: dir, embedder: { name: spec.name, embeddings: embeddingsFor(spec, config) } });
      expect(fake.embeddingRequests.length).toBeGreaterThan(0);
      const withLlm = await Asker.open(config, dir);
      expect((await withLlm.ask('How do I list shipments?')).sources.length).toBeGreaterThan(0);
      await expect(Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), dir)).rejects.toMatchObject({ code: ErrorCode.EmbedderMismatch });
    } finally {
      await fake.close();
    }
  });
});
