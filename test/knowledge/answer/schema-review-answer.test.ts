import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../../ingest/pipeline';
import { loadConfig } from '../../../src/config';
import { Asker } from '../../../src/knowledge/answer/ask';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../../src/llm/local-embeddings';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';
import { tmpDir } from '../../support/tmp';

const SCHEMA = `
CREATE TABLE teams (id int PRIMARY KEY, lead_id int);
CREATE TABLE people (id int PRIMARY KEY, team_id int NOT NULL REFERENCES teams(id));
ALTER TABLE teams ADD CONSTRAINT teams_lead_fk FOREIGN KEY (lead_id) REFERENCES people(id);
CREATE TABLE badges (person_id int REFERENCES people(id), label text);
CREATE INDEX badges_person ON badges (person_id);
`;
const QUESTION = 'What order should we migrate these tables, and are there circular foreign keys?';

let indexDir: string;
beforeAll(async () => {
  const docs = tmpDir();
  fs.writeFileSync(path.join(docs, 'org.sql'), SCHEMA);
  fs.writeFileSync(path.join(docs, 'guide.md'), '# Guide\n\n## Onboarding\n\nAsk your lead for access to the staging database.\n');
  indexDir = tmpDir();
  await runIngest({ roots: [docs], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
});

describe('ask with a schema-review question', () => {
  it('offline: answers with the computed review, cites the SQL tables, confidence 1', async () => {
    const asker = await Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), indexDir);
    const r = await asker.ask(QUESTION);
    expect(r).toMatchObject({ intent: 'answer', escalate: false, confidence: 1, answeredBy: 'schema-review' });
    expect(r.answer).toContain('people → teams → people');
    expect(r.answer).toMatch(/Tables without a primary key[\s\S]*badges/);
    expect(r.sources.map((s) => s.section).sort()).toEqual(['table badges', 'table people', 'table teams']);
    expect(r.sources.every((s) => s.path === 'org.sql')).toBe(true);
  });

  it('other questions still go through retrieval', async () => {
    const asker = await Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), indexDir);
    const r = await asker.ask('How do I get access to the staging database?');
    expect(r.answeredBy).toBe('extractive');
    expect(r.sources[0].path).toBe('guide.md');
  });

  describe('with an LLM for the review task (loopback)', () => {
    let fake: FakeOpenAI;
    let asker: Asker;
    beforeAll(async () => {
      fake = await startFakeOpenAI();
      const config = loadConfig({ env: { OPENAI_BASE_URL: fake.baseUrl }, cwd: tmpDir() });
      config.models.review = { model: 'thinking-model', timeoutMs: 1500 };
      asker = await Asker.open(config, indexDir);
    });
    afterAll(() => fake.close());

    it('appends the narrative, built on the computed facts, with the review model named', async () => {
      fake.setChat({ kind: 'reply', content: 'Create teams without teams_lead_fk, then people, then add the constraint.' });
      const r = await asker.ask(QUESTION);
      expect(r.answeredBy).toBe('thinking-model');
      expect(r.answer).toContain('people → teams → people');
      expect(r.answer).toContain('Create teams without teams_lead_fk');
      const sent = fake.chatRequests[fake.chatRequests.length - 1];
      expect(sent.model).toBe('thinking-model');
      expect(sent.messages.map((m) => m.content).join('\n')).toContain('people → teams → people');
    });

    it('keeps the deterministic review when the model fails', async () => {
      fake.setChat({ kind: 'status', status: 500 });
      const r = await asker.ask('Are there any circular FKs in the schema?');
      expect(r.answeredBy).toBe('schema-review');
      expect(r.fallback).toBeDefined();
      expect(r.confidence).toBe(1);
      expect(r.answer).toContain('people → teams → people');
    });
  });
});
