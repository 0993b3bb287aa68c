import { Readable } from 'node:stream';
import { runIngest } from '../../ingest/pipeline';
import { askCommand } from '../../src/cli/ask';
import { run } from '../../src/cli/main';
import { ErrorCode } from '../../src/errors';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { bundledSamplesDir } from '../../src/paths';
import { tmpDir } from '../support/tmp';

let indexDir: string;

beforeAll(async () => {
  indexDir = tmpDir();
  await runIngest({ roots: [bundledSamplesDir()], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
});

function capture() {
  const out: string[] = [];
  return { out, io: { stdin: Readable.from([]), stdout: { write: (s: string) => out.push(s) } } };
}

describe('deskmate ask', () => {
  it('--json prints one object with the documented keys in order', async () => {
    const { out, io } = capture();
    await askCommand(['How', 'do', 'I', 'list', 'shipments?'], { index: indexDir, json: true }, io);
    expect(out).toHaveLength(1);
    const obj = JSON.parse(out[0]);
    expect(Object.keys(obj).slice(0, 8)).toEqual(['question', 'intent', 'escalate', 'reason', 'confidence', 'answer', 'sources', 'answeredBy']);
    expect(obj.question).toBe('How do I list shipments?');
    expect(obj.escalate).toBe(obj.intent === 'escalate');
  });

  it('--jsonl answers each stdin line in order, skipping blank lines', async () => {
    const out: string[] = [];
    const stdin = Readable.from(['How do I list shipments?\n\nWhy did we pick cursor pagination?\n', 'What is the rate limit?\n']);
    await askCommand([], { index: indexDir, jsonl: true }, { stdin, stdout: { write: (s: string) => out.push(s) } });
    const rows = out.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.question)).toEqual(['How do I list shipments?', 'Why did we pick cursor pagination?', 'What is the rate limit?']);
    expect(rows[1].intent).toBe('escalate');
  });

  it.each([
    [[], {}],
    [['q'], { json: true, jsonl: true }],
    [['q'], { jsonl: true }],
  ])('rejects bad usage %j %j as a usage error', async (words, flags) => {
    await expect(askCommand(words as string[], { index: indexDir, ...flags })).rejects.toMatchObject({ code: ErrorCode.UsageError });
  });

  it('exits 2 on bad usage and 1 with a how-to-build message when there is no index', async () => {
    const errors: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (errors.push(String(s)), true));
    try {
      process.exitCode = 0;
      await run(['node', 'deskmate', 'ask', '--index', tmpDir(), 'How do I list shipments?']);
      expect(process.exitCode).toBe(1);
      expect(errors.join('')).toMatch(/deskmate ingest/);
      process.exitCode = 0;
      await run(['node', 'deskmate', 'ask', '--bogus-flag']);
      expect(process.exitCode).toBe(2);
    } finally {
      spy.mockRestore();
      process.exitCode = 0;
    }
  });
});
