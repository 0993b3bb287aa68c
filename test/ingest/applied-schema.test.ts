import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline';
import { loadConfig } from '../../src/config';
import { Asker } from '../../src/knowledge/answer/ask';
import { readIndexData } from '../../src/knowledge/index/index-store';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../src/llm/local-embeddings';
import { tmpDir } from '../support/tmp';

const embedder = { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() };

describe('ingesting a folder of migrations', () => {
  let docs: string;
  let indexDir: string;
  beforeAll(async () => {
    docs = tmpDir('deskmate-mig-docs-');
    indexDir = path.join(tmpDir('deskmate-mig-index-'), 'index');
    fs.mkdirSync(path.join(docs, 'migrations'));
    fs.writeFileSync(
      path.join(docs, 'migrations', '001_init.sql'),
      `CREATE TABLE accounts (id int PRIMARY KEY, legacy_pin text, email text);
       CREATE TABLE app_settings (key text PRIMARY KEY, value text NOT NULL);`,
    );
    fs.writeFileSync(
      path.join(docs, 'migrations', '002_cleanup.sql'),
      `ALTER TABLE accounts DROP COLUMN legacy_pin;
       ALTER TABLE accounts RENAME COLUMN email TO contact_email;
       INSERT INTO app_settings (key, value) VALUES ('max_login_attempts', '7'), ('session_timeout_minutes', '45');`,
    );
    await runIngest({ roots: [docs], indexDir, embedder, progress: { start: () => {}, tick: () => {}, stop: () => {} } });
  });
  afterAll(() => {
    fs.rmSync(docs, { recursive: true, force: true });
    fs.rmSync(path.dirname(indexDir), { recursive: true, force: true });
  });

  it('stores the tables as applied across the files, so dropped and renamed columns are gone', () => {
    const data = readIndexData(indexDir)!;
    const accounts = data.tables.filter((t) => t.name === 'accounts');
    expect(accounts).toHaveLength(1);
    expect(accounts[0].columns.map((c) => c.name)).toEqual(['id', 'contact_email']);
  });

  it('answers a table question without the dropped column', async () => {
    const asker = await Asker.open(loadConfig({ env: {} }), indexDir);
    const r = await asker.ask('What columns does the accounts table have?');
    expect(r.answer).toContain('contact_email');
    expect(r.answer).not.toContain('legacy_pin');
  });

  it('indexes seeded settings rows so their values can be found', async () => {
    const data = readIndexData(indexDir)!;
    const seed = data.chunks.find((c) => c.section === 'rows of app_settings (seed data)');
    expect(seed?.text).toContain('max_login_attempts: 7');
    const asker = await Asker.open(loadConfig({ env: {} }), indexDir);
    const r = await asker.ask('What is the max login attempts setting?');
    expect(r.sources.map((s) => JSON.stringify(s)).join(' ')).toMatch(/002_cleanup\.sql/);
  });
});
