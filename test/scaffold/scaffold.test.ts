import { loadCode } from '../../ingest/loaders/index';
import { loadConfig } from '../../src/config';
import type { Chunk } from '../../src/ports/chunk';
import { chatModelFor } from '../../src/llm/models';
import { importUniverseOf } from '../../src/knowledge/index/code-universe';
import { extractCode, scaffold, type ScaffoldDeps } from '../../src/scaffold/scaffold';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { tmpDir } from '../support/tmp';

const BASE = `import type { Logger } from 'pino';
import { AppError } from '../errors/index.js';

export abstract class BaseController {
  constructor(protected readonly log: Logger) {}
  protected async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.log.error({ err }, 'handler failed');
      throw AppError.wrap(err);
    }
  }
}
`;
const CONVENTIONS = 'Errors: throw AppError, never plain Error.\nLogging: use the injected pino logger, one event per line.\n';

let chunks: Chunk[];
beforeAll(async () => {
  const loaded = await loadCode(Buffer.from(BASE), 'src/http/base-controller.ts');
  const code = loaded.chunks.map((c, i) => ({ ...c, id: `src/http/base-controller.ts#${i}`, path: 'src/http/base-controller.ts' }));
  const deps: Chunk = { kind: 'code', section: 'dependencies', text: 'pino express', id: 'package.json#0', path: 'package.json', meta: { dependencies: ['pino', 'express'] } };
  const errors: Chunk = { kind: 'code', section: 'class AppError', text: 'export class AppError {}', id: 'src/errors/index.ts#0', path: 'src/errors/index.ts', meta: { language: 'typescript' } };
  chunks = [...code, deps, errors];
});

function depsWith(model: ScaffoldDeps['model']): ScaffoldDeps {
  return { retrieve: async () => chunks, conventions: CONVENTIONS, model, ...importUniverseOf(chunks) };
}

describe('scaffold offline', () => {
  it('returns the closest exemplar with the conventions quoted and says an LLM is needed', async () => {
    const r = await scaffold('a controller for refunds', depsWith(null));
    expect(r).toMatchObject({ offline: true, language: 'typescript', unresolved: [] });
    expect(r.exemplars[0]).toEqual({ path: 'src/http/base-controller.ts', section: 'class BaseController' });
    expect(r.code).toContain('export abstract class BaseController');
    expect(r.code).toContain('// Starting point: src/http/base-controller.ts');
    expect(r.code).toContain('throw AppError, never plain Error');
    expect(r.note).toMatch(/LLM is needed/);
    // The skeleton's own imports are checked too: pino is declared, ../errors/index.js is indexed.
    expect(r.imports.map((i) => [i.specifier, i.resolved])).toEqual([['pino', true], ['../errors/index.js', true]]);
  });
});

describe('scaffold with an LLM (loopback)', () => {
  let fake: FakeOpenAI;
  let deps: ScaffoldDeps;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    const config = loadConfig({ env: { OPENAI_BASE_URL: fake.baseUrl }, cwd: tmpDir() });
    config.models.scaffold = { model: 'code-model', timeoutMs: 8000 };
    deps = depsWith((await chatModelFor(config, 'scaffold'))!);
  });
  afterAll(() => fake.close());

  it('injects conventions and exemplars into the prompt and flags a hallucinated import', async () => {
    fake.setChat({
      kind: 'reply',
      content: [
        'Here you go:',
        '```ts',
        "import { BaseController } from '../http/base-controller.js';",
        "import { z } from 'zod';",
        "import { refundPolicy } from '../billing/refund-policy.js';",
        "import { readFile } from 'node:fs/promises';",
        'export class RefundsController extends BaseController {}',
        '```',
        'Adapt the route names.',
      ].join('\n'),
    });
    const r = await scaffold('a controller for refunds', deps);
    expect(r).toMatchObject({ offline: false, model: 'code-model' });
    expect(r.code.startsWith("import { BaseController }")).toBe(true);
    expect(r.code).not.toContain('Adapt the route names');
    expect(r.unresolved).toEqual(['zod', '../billing/refund-policy.js']);
    expect(r.imports.find((i) => i.specifier === 'node:fs/promises')?.resolved).toBe(true);
    const prompt = fake.chatRequests[fake.chatRequests.length - 1].messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('throw AppError, never plain Error');
    expect(prompt).toContain('export abstract class BaseController');
    expect(prompt).toMatch(/<declared-dependencies>\npino\nexpress/);
  });

  it('falls back to the exemplar skeleton when the model fails', async () => {
    fake.setChat({ kind: 'status', status: 500 });
    const r = await scaffold('a controller for refunds', deps);
    expect(r.offline).toBe(true);
    expect(r.code).toContain('export abstract class BaseController');
    expect(r.note).toMatch(/code-model[\s\S]*LLM is needed/);
  });
});

describe('extractCode', () => {
  it.each([
    ['```py\nimport os\n```', 'import os'],
    ['text\n```\na\n```\nmore\n```js\nb\n```', 'a\n\nb'],
    ['no fences here', 'no fences here'],
  ])('%j → %j', (reply, code) => expect(extractCode(reply)).toBe(code));
});
