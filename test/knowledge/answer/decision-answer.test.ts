import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../../ingest/pipeline';
import { loadConfig } from '../../../src/config';
import { Asker } from '../../../src/knowledge/answer/ask';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../../src/llm/local-embeddings';
import { tmpDir } from '../../support/tmp';

const ADR = path.resolve(__dirname, '../../fixtures/adr');
let asker: Asker;

beforeAll(async () => {
  const docs = tmpDir();
  for (const project of ['adr-tools', 'log4brains']) fs.cpSync(path.join(ADR, project), path.join(docs, 'docs/adr', project), { recursive: true });
  fs.mkdirSync(path.join(docs, 'docs/guide'), { recursive: true });
  fs.writeFileSync(path.join(docs, 'docs/guide/install.md'), '# Install\n\nRun `npm install -g log4brains`, then `log4brains init` in your project.\n');
  const indexDir = tmpDir();
  await runIngest({ roots: [path.join(docs, 'docs')], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  asker = await Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), indexDir);
});

describe('why-questions answered from decision records', () => {
  it('a why-question a record covers is answered from it, citing the record with its status and date', async () => {
    const r = await asker.ask('Why did we pick Prettier with ESLint and the Airbnb style for formatting?');
    expect(r).toMatchObject({ escalate: false, intent: 'answer', answeredBy: 'decision-record' });
    expect(r.answer).toMatch(/^Decided in “Use Prettier-ESLint Airbnb for the code style”, accepted 2020-09-25:/);
    expect(r.answer).toMatch(/Prettier-ESLint with Airbnb code style/);
    expect(r.sources[0]).toMatchObject({ path: 'adr/log4brains/20200925-use-prettier-eslint-airbnb-for-the-code-style.md', kind: 'decision', status: 'accepted', date: '2020-09-25' });
  });

  it('numbered Nygard records are named by number', async () => {
    const r = await asker.ask('Why are dates written as yyyy-mm-dd in the records?');
    expect(r.answeredBy).toBe('decision-record');
    expect(r.answer).toMatch(/^Decided in ADR-0008 \(Use ISO 8601 Format for Dates\), accepted 2017-02-21:/);
  });

  it('a superseded record leads to its successor, and says so', async () => {
    const r = await asker.ask('why do we use the ADR number as the unique id of a record?');
    expect(r.answeredBy).toBe('decision-record');
    expect(r.answer).toMatch(/Decided in “Use the ADR slug as its unique ID”, accepted 2020-10-16, which superseded “Use the ADR number as its unique ID”, superseded 2020-09-26:/);
    expect(r.sources[0].path).toBe('adr/log4brains/20201016-use-the-adr-slug-as-its-unique-id.md');
  });

  it('a why-question no record covers still escalates, telling the senior to consider writing one', async () => {
    const r = await asker.ask('Why do we require two reviewers on every pull request?');
    expect(r).toMatchObject({ escalate: true, intent: 'escalate' });
    expect(r.answeredBy).not.toBe('decision-record');
    expect(r.reason).toMatch(/no decision record covers this: consider writing one/);
  });

  it('what/how questions are still answered from the docs, not from a record', async () => {
    const r = await asker.ask('How do I install log4brains?');
    expect(r.answeredBy).toBe('extractive');
    expect(r.sources[0]).toMatchObject({ path: 'guide/install.md', kind: 'markdown' });
  });
});
