import { loadMarkdown } from '../../../ingest/loaders/markdown';
import { ErrorCode } from '../../../src/errors';

const md = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('Markdown loader', () => {
  const page = [
    '---',
    'title: Shipments',
    'weight: 10',
    '---',
    '',
    'Intro text about shipments.',
    '',
    '## Create a shipment {#create}',
    '',
    '```http',
    'POST /v2/shipments HTTP/1.1',
    '```',
    '',
    'Creates a shipment. {{< required >}} `parcel` must be set. See [Address]({{< relref "entities/address" >}}).',
    '',
    '### Response',
    '',
    '```json',
    '# not a heading, inside code',
    '{ "id": "shp_1" }',
    '```',
    '',
    '## Cancel a shipment',
    '',
    'Call `DELETE /v2/shipments/:id` before pickup.',
  ].join('\n');

  it('names each topic by its heading path under the front-matter title, without anchors', async () => {
    const { chunks } = await loadMarkdown(md(page), 'guide/shipments.md');
    expect(chunks.map((c) => c.section)).toEqual(['Shipments', 'Shipments > Create a shipment', 'Shipments > Cancel a shipment']);
    expect(chunks[1]!.line).toBe(8);
    expect(chunks[2]!.line).toBe(23);
  });

  it('keeps code blocks, ignores # lines inside them, and lists the endpoints of each topic', async () => {
    const { chunks } = await loadMarkdown(md(page), 'guide/shipments.md');
    const create = chunks[1]!;
    expect(create.text).toContain('POST /v2/shipments HTTP/1.1');
    expect(create.text).toContain('# not a heading, inside code');
    expect(create.meta?.endpoints).toEqual(['POST /v2/shipments']);
    expect(chunks[2]!.meta?.endpoints).toEqual(['DELETE /v2/shipments/:id']);
    expect(chunks[0]!.meta?.endpoints).toBeUndefined();
  });

  it('strips Hugo shortcodes but keeps link text and the meaning of {{< required >}}', async () => {
    const { chunks } = await loadMarkdown(md(page), 'guide/shipments.md');
    const text = chunks[1]!.text;
    expect(text).not.toMatch(/\{\{|\}\}|\{#/);
    expect(text).toContain('(required) `parcel` must be set. See Address.');
  });

  it('splits a long section at paragraph boundaries into pieces of at most ~1,500 characters', async () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}. ${'Carriers collect parcels on weekdays. '.repeat(8)}`);
    const { chunks } = await loadMarkdown(md(`# Guide\n\n## Pickups\n\n${paragraphs.join('\n\n')}\n`), 'pickups.md');
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.section).toBe('Guide > Pickups');
      expect(c.text.length).toBeLessThanOrEqual(1500);
      expect(c.text).toMatch(/^(## Pickups|Paragraph \d+\.)/); // cut between paragraphs, never inside one
    }
    expect(chunks.map((c) => c.text).join('\n\n')).toContain('Paragraph 12.');
  });

  it('uses the file name as the section when there is no heading and no title', async () => {
    const { chunks } = await loadMarkdown(md('Just some notes.\n'), 'notes/todo.md');
    expect(chunks).toEqual([expect.objectContaining({ section: 'todo.md', text: 'Just some notes.', line: 1 })]);
  });

  it('keeps the page when front matter is YAML that Hugo accepts but YAML parsers reject', async () => {
    const { chunks } = await loadMarkdown(md('---\ntitle: Announcement\naliases: [\n\t"/a",\n  "/b",\n]\n---\n## Attributes\nText here.\n'), 'Announcement.md');
    expect(chunks[0]).toEqual(expect.objectContaining({ section: 'Announcement > Attributes' }));
  });
});
