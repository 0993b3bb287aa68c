import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../../ingest/pipeline';
import { loadConfig } from '../../../src/config';
import { Asker } from '../../../src/knowledge/answer/ask';
import { namesTable } from '../../../src/knowledge/retrieval/retriever';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../../src/llm/local-embeddings';
import { tmpDir } from '../../support/tmp';

async function askerOver(files: Record<string, string>): Promise<Asker> {
  const docs = tmpDir('deskmate-docs-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(docs, name), text);
  const indexDir = tmpDir();
  await runIngest({ roots: [docs], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  return Asker.open(loadConfig({ env: {}, cwd: tmpDir() }), indexDir);
}

const months = Array.from({ length: 12 }, (_, i) => `CREATE TABLE events_2024_${String(i + 1).padStart(2, '0')} PARTITION OF events FOR VALUES FROM ('2024-${i + 1}-01') TO ('2024-${i + 2}-01');`).join('\n');

describe('hybrid retrieval', () => {
  it('answers for the partitioned parent table rather than a wall of its partitions', async () => {
    const asker = await askerOver({
      'schema.sql': `CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE TABLE events (id bigint, user_id bigint REFERENCES users (id), at timestamptz NOT NULL) PARTITION BY RANGE (at);\n${months}\n`,
    });
    const r = await asker.ask('Which table is partitioned by month?');
    expect(r.sources[0].section).toBe('table events');
    expect(r.sources.filter((s) => s.section.startsWith('table events_')).length).toBeLessThanOrEqual(1);
  });

  it('meets questions worded differently from the docs: synonyms and word forms', async () => {
    const asker = await askerOver({
      'api.md': '# Widgets API\n\n## Update a widget\n\n```http\nPATCH /v1/widgets/:id HTTP/1.1\n```\n\nChange the properties of a widget.\n\nname\n: (required) String. The new name.\n\n## Delete a widget\n\n```http\nDELETE /v1/widgets/:id HTTP/1.1\n```\n\nPermanently removes a widget.\n\n## View followers of a widget\n\n```http\nGET /v1/widgets/:id/followers HTTP/1.1\n```\n\nAccounts that follow this widget.\n',
    });
    expect((await asker.ask('How do I rename a widget?')).sources[0].section).toMatch(/Update a widget/);
    expect((await asker.ask('How can I remove a widget?')).answer).toContain('DELETE /v1/widgets/:id');
    expect((await asker.ask('How do I see who follows a widget?')).sources[0].section).toMatch(/followers/);
  });
});

describe('structure boosts fire on table names, not on ordinary words', () => {
  test.each([
    ['How do I list subscribers?', 'lists', false],
    ['I want to list all campaigns', 'lists', false],
    ['Which table holds the lists?', 'lists', true],
    ['How do I add a subscriber to a list?', 'lists', true],
    ['what links film actor rows', 'film_actor', true],
    ['how do I rent a film', 'film', true],
    ['How do I order results?', 'orders', false],
    ['what columns does orders have', 'orders', true],
  ])('%s → names %s: %s', (question, table, expected) => {
    expect(namesTable(question, table)).toBe(expected);
  });

  it('a common verb that is also a table name does not pull the join table to the top', async () => {
    const asker = await askerOver({
      'schema.sql': [
        'CREATE TABLE lists (id int PRIMARY KEY, name text NOT NULL);',
        'CREATE TABLE subscribers (id int PRIMARY KEY, email text NOT NULL);',
        'CREATE TABLE subscriber_lists (subscriber_id int REFERENCES subscribers(id), list_id int REFERENCES lists(id), PRIMARY KEY (subscriber_id, list_id));',
      ].join('\n'),
      'api.md': ['# Subscribers API', '', '## Query subscribers', '', 'Use `GET /api/subscribers` to list subscribers, with `page` and `per_page`.', '', '## Delete a subscriber', '', 'Use `DELETE /api/subscribers/:id`.'].join('\n'),
    });
    const r = await asker.ask('How do I list subscribers?');
    expect(r.sources[0]).toMatchObject({ path: 'api.md' });
    expect(r.answer).toContain('GET /api/subscribers');
  });
});

describe('phrasal verbs the docs write as one word', () => {
  it('"log a user in" finds the login section, not prose about the logged-in user', async () => {
    const asker = await askerOver({
      'auth.md': [
        '# Auth',
        '',
        '## Login',
        '',
        'Send the email and password to `POST /api/users/login`; the reply carries a token.',
        '',
        '## Current user',
        '',
        'Returns the logged-in user: `GET /api/user`. Log output goes to the user log file.',
      ].join('\n'),
    });
    const r = await asker.ask('how do I log a user in?');
    expect(r.sources[0]!.section).toBe('Auth > Login');
    expect(r.answer).toContain('POST /api/users/login');
  });
});
