import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline';
import { scaffoldCommand } from '../../src/cli/scaffold';
import { ErrorCode } from '../../src/errors';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { tmpDir } from '../support/tmp';

describe('deskmate scaffold', () => {
  it('offline: ingested code and package.json give an exemplar skeleton whose imports are checked', async () => {
    const repo = tmpDir();
    fs.mkdirSync(path.join(repo, 'src'));
    fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ dependencies: { express: '4' } }));
    fs.writeFileSync(path.join(repo, 'src', 'base-controller.ts'), "import { Router } from 'express';\nimport { log } from './log.js';\n\nexport class BaseController {\n  router = Router();\n}\n");
    fs.writeFileSync(path.join(repo, 'src', 'log.ts'), "export const log = console;\n");
    const indexDir = tmpDir();
    await runIngest({ roots: [repo], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
    const out: string[] = [];
    await scaffoldCommand(['a', 'controller', 'for', 'refunds'], { index: indexDir, json: true }, { write: (s: string) => out.push(s) });
    const r = JSON.parse(out.join(''));
    expect(r.offline).toBe(true);
    expect(r.exemplars[0]).toEqual({ path: 'src/base-controller.ts', section: 'class BaseController' });
    expect(r.imports).toEqual([
      { specifier: 'express', resolved: true, reason: 'declared dependency express' },
      { specifier: './log.js', resolved: true, reason: 'indexed module src/log.ts' },
    ]);
  });

  it('needs something to build', async () => {
    await expect(scaffoldCommand([], {}, { write: () => undefined })).rejects.toMatchObject({ code: ErrorCode.UsageError });
  });
});
