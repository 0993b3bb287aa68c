import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../../ingest/pipeline';
import { loadConfig } from '../../../src/config';
import { Asker } from '../../../src/knowledge/answer/ask';
import { questionShape, wholeBlocks } from '../../../src/knowledge/answer/answer-shape';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../../src/llm/local-embeddings';
import { tmpDir } from '../../support/tmp';

const guide = [
  '# Plugins',
  '',
  '## Registering a plugin',
  '',
  'To register a plugin, wrap it and pass it to the server inside a plugin:',
  '',
  '```js',
  "server.register(async (app) => { app.decorate('db', openDb()); });",
  '```',
  '',
  '## Rotating the signing secret',
  '',
  'To rotate the signing secret without downtime:',
  '',
  '1. Generate a second secret with `plugins secret new`.',
  '2. Deploy both secrets to every instance.',
  '3. Remove the old secret after one hour.',
  '',
  '```sh',
  'plugins secret new --name next',
  'plugins secret retire --name current',
  '```',
  '',
  '## Plugin manifest',
  '',
  'The manifest names the plugin and its hooks.',
  '',
  '```json',
  '{ "name": "audit", "hooks": ["onRequest"], "timeoutMs": 500 }',
  '```',
].join('\n');

let asker: Asker;
beforeAll(async () => {
  const docs = tmpDir('deskmate-docs-');
  fs.writeFileSync(path.join(docs, 'plugins.md'), guide);
  const indexDir = tmpDir();
  await runIngest({ roots: [docs], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  asker = await Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), indexDir);
});

describe('answers shaped by the question', () => {
  test.each([
    ['How do I rotate the secret?', 'procedure'],
    ['what does the manifest look like?', 'example'],
    ['Is there an example of a webhook payload?', 'example'],
    ['What is the default timeout?', 'lookup'],
    ['what fields do I need to create a user?', 'fields'],
    ['which query parameters does search take?', 'fields'],
  ])('%s → %s', (q, shape) => expect(questionShape(q)).toBe(shape));

  it('a "how do I" gets every step of the procedure and its code, in order', async () => {
    const r = await asker.ask('How do I rotate the signing secret?');
    const a = r.answer;
    for (const s of ['1. Generate', '2. Deploy', '3. Remove', 'plugins secret retire --name current']) expect(a).toContain(s);
    expect(a.indexOf('without downtime:')).toBeLessThan(a.indexOf('1. Generate'));
    expect(a.indexOf('3. Remove')).toBeLessThan(a.indexOf('plugins secret retire'));
  });

  it('"what does it look like" keeps the example, and a sentence ending in a colon keeps what it introduces', async () => {
    expect((await asker.ask('What does the plugin manifest look like?')).answer).toContain('"hooks": ["onRequest"]');
    expect((await asker.ask('How do I register a plugin?')).answer).toContain("app.decorate('db', openDb())");
  });

  it('a "which fields" question gets the whole field list, even right under a line of prose', () => {
    const text = 'Schema NewUser: object\nFields:\n- username (string, required)\n- email (string, required)\n- password (string, required)';
    expect(wholeBlocks(text, 'fields', [])).toEqual(['- username (string, required)\n- email (string, required)\n- password (string, required)']);
  });

  it('picks nothing whole for a plain lookup without an introducing colon', () => {
    expect(wholeBlocks('Timeouts default to 30 s.\n\n```js\nx()\n```', 'lookup', ['Timeouts default to 30 s.'])).toEqual([]);
  });
});
