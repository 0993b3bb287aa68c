import fs from 'node:fs';
import path from 'node:path';
import { runIngest } from '../../../ingest/pipeline';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../../../src/llm/local-embeddings';
import { allText, tmpDir } from '../../support/tmp';

const local = { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() };
const FIXTURES = path.resolve(__dirname, '../../fixtures/sanitize-redteam');

describe('ingest: redactions reach no index file and are reported at the right file:line', () => {
  test('a secret repeated ~50 lines later is reported at each of its own lines', async () => {
    const docs = tmpDir('deskmate-docs-');
    const filler = Array.from({ length: 48 }, (_, i) => `Step ${i + 1}: check the dashboard and note the result.`).join('\n\n');
    const text = `# Staging\n\nDB_PASSWORD=Qm8#xZ2LpW9v\n\n## Filler\n\n${filler}\n\n## Production\n\nThe same value again: DB_PASSWORD=Qm8#xZ2LpW9v\n`;
    fs.writeFileSync(path.join(docs, 'runbook.md'), text);
    const indexDir = tmpDir();
    const r = await runIngest({ roots: [docs], indexDir, embedder: local });
    const lines = text.split('\n');
    const expected = lines.map((l, i) => (l.includes('Qm8#xZ2LpW9v') ? i + 1 : 0)).filter((n) => n > 0);
    expect(expected).toHaveLength(2);
    expect(expected[1] - expected[0]).toBeGreaterThan(50);
    expect(r.redactions.locations.filter((l) => l.type === 'password').map((l) => l.line).sort((a, b) => a - b)).toEqual(expected);
    expect(allText(indexDir)).not.toContain('Qm8#xZ2LpW9v');
  });

  test('the red-team TOML, SQL, CSV and Markdown fixtures: no planted value reaches the index, each redaction line holds a redacted value', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as Record<string, { secrets: string[]; pii: string[] }>;
    const files = ['config.toml', 'schema.sql', 'users.csv', 'runbook.md', 'deploy-notes.md'];
    const docs = tmpDir('deskmate-docs-');
    for (const f of files) fs.copyFileSync(path.join(FIXTURES, f), path.join(docs, f));
    const indexDir = tmpDir();
    const r = await runIngest({ roots: [docs], indexDir, embedder: local });
    expect(r.failed).toEqual([]);
    const stored = allText(indexDir);
    for (const f of files) for (const v of [...manifest[f].secrets, ...manifest[f].pii]) expect({ f, v, leaked: stored.includes(v) }).toEqual({ f, v, leaked: false });
    // Every reported line really holds one of the file's planted values (or part of a key block).
    for (const loc of r.redactions.locations) {
      const lines = fs.readFileSync(path.join(docs, loc.path), 'utf8').split('\n');
      const line = lines[loc.line - 1] ?? '';
      const planted = [...manifest[loc.path].secrets, ...manifest[loc.path].pii];
      expect({ loc, holds: planted.some((v) => line.includes(v) || v.includes(line.trim())) || /BEGIN .*PRIVATE KEY/.test(line) }).toEqual({ loc, holds: true });
    }
  });
});
