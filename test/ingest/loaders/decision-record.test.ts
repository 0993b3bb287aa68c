import fs from 'node:fs';
import path from 'node:path';
import { isDecisionRecord, loadDecisionRecord } from '../../../ingest/loaders/decision-record';
import { loaderFor } from '../../../ingest/loaders';
import type { DecisionRecordMeta } from '../../../src/ports/chunk';

const ADR = path.resolve(__dirname, '../../fixtures/adr');

async function record(project: string, file: string): Promise<{ meta: DecisionRecordMeta; text: string }> {
  const rel = `docs/adr/${file}`;
  const buf = fs.readFileSync(path.join(ADR, project, file));
  const loaded = await loadDecisionRecord(buf, rel);
  expect(loaded.chunks).toHaveLength(1);
  return { meta: loaded.chunks[0].meta!.record as DecisionRecordMeta, text: loaded.chunks[0].text };
}

describe('decision records (real ADR folders)', () => {
  it('reads a Nygard record: number, title, status section, Date line, and its decision text', async () => {
    const r = await record('adr-tools', '0002-implement-as-shell-scripts.md');
    expect(r.meta).toEqual({ id: 'ADR-0002', title: 'Implement as shell scripts', status: 'accepted', date: '2016-02-12' });
    expect(r.text).toMatch(/^ADR-0002: Implement as shell scripts \(accepted, 2016-02-12\)\./);
    expect(r.text).toMatch(/Decision: The tool is implemented as shell scripts/);
    expect(r.text).toMatch(/Consequences: The tool won't support Windows/);
  });

  it('reads a MADR record with YAML front matter and a "Decision Outcome"', async () => {
    const r = await record('madr', '0013-use-yaml-front-matter-for-meta-data.md');
    expect(r.meta).toMatchObject({ id: 'ADR-0013', title: 'Use YAML front matter for metadata' });
    expect(r.text).toMatch(/Decision: Chosen option: "Use YAML front matter"/);
  });

  it('reads MADR 2 labelled lines, a date-prefixed name, and who supersedes a record', async () => {
    const r = await record('log4brains', '20200926-use-the-adr-number-as-its-unique-id.md');
    expect(r.meta).toEqual({
      id: 'Use the ADR number as its unique ID',
      title: 'Use the ADR number as its unique ID',
      status: 'superseded',
      date: '2020-09-26',
      supersededBy: '20201016-use-the-adr-slug-as-its-unique-id.md',
      supersededByTitle: '20201016-use-the-adr-slug-as-its-unique-id',
    });
    expect((await record('log4brains', '20201016-use-the-adr-slug-as-its-unique-id.md')).meta).toMatchObject({ status: 'accepted', date: '2020-10-16' });
  });

  it('every record of the three real folders is recognised, has a title and a decision', async () => {
    for (const project of ['adr-tools', 'madr', 'log4brains']) {
      for (const file of fs.readdirSync(path.join(ADR, project)).filter((f) => f.endsWith('.md'))) {
        const text = fs.readFileSync(path.join(ADR, project, file), 'utf8');
        expect([project, file, isDecisionRecord(`docs/adr/${file}`, text)]).toEqual([project, file, true]);
        const r = await record(project, file);
        expect(r.meta.title.length).toBeGreaterThan(3);
        expect(r.text).toMatch(/Decision: \S/);
      }
    }
  });

  it('ordinary Markdown, READMEs, templates and numbered files outside ADR folders stay Markdown', () => {
    const decision = '# 1. Use Postgres\n\n## Status\n\nAccepted\n\n## Decision\n\nWe use Postgres.\n';
    expect(isDecisionRecord('docs/adr/README.md', decision)).toBe(false);
    expect(isDecisionRecord('docs/adr/template.md', decision)).toBe(false);
    expect(isDecisionRecord('docs/guide/0001-intro.md', '# Intro\n\n## Decision\n\nSee the tutorial.\n')).toBe(false);
    // The ADR folder itself ingested as the root: a numbered record with a status still counts.
    expect(isDecisionRecord('0001-use-postgres.md', decision)).toBe(true);
    expect(isDecisionRecord('docs/decisions/0001-use-postgres.md', '# Notes\n\nNo decision here.\n')).toBe(false);
    expect(isDecisionRecord('docs/decisions/0001-use-postgres.md', decision)).toBe(true);
    expect(isDecisionRecord('adr-0001-use-postgres.md', decision)).toBe(true);
    const buf = Buffer.from(decision);
    expect(loaderFor('docs/adr/0001-use-postgres.md', buf)?.name).toBe('loadDecisionRecord');
    expect(loaderFor('docs/guide/postgres.md', buf)?.name).toBe('loadMarkdown');
  });
});
