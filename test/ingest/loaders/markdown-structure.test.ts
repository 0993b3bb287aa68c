import { loadMarkdown } from '../../../ingest/loaders/markdown';

const md = (lines: string[]): Buffer => Buffer.from(lines.join('\n'), 'utf8');
const filler = (word: string, n: number): string => `${word} `.repeat(n).trim() + '.';

describe('Markdown structure from a CommonMark parser', () => {
  it('finds setext headings and headings right after a raw HTML anchor, and strips the anchors', async () => {
    const { chunks } = await loadMarkdown(
      md([
        'Plugins',
        '=======',
        '',
        'Intro to plugins.',
        '',
        '<a id="decorate-reply"></a>',
        '### decorateReply(name, value)',
        filler('Adds a property to the reply object', 20),
        '',
        '<a name="decorate-request"></a>',
        '### decorateRequest(name, value)',
        filler('Adds a property to the request object', 20),
        '',
        'Hooks',
        '-----',
        '',
        'Hooks run at stages of the lifecycle.',
      ]),
      'plugins.md',
    );
    const sections = chunks.map((c) => c.section);
    expect(sections).toEqual(expect.arrayContaining(['Plugins > decorateReply(name, value)', 'Plugins > decorateRequest(name, value)', 'Plugins > Hooks']));
    const reply = chunks.find((c) => c.section.endsWith('decorateReply(name, value)'))!;
    expect(reply.text).not.toContain('request object');
    expect(chunks.map((c) => c.text).join('\n')).not.toMatch(/<a |<\/a>/);
  });

  it('turns HTML tables into text rows and removes tags from text and headings', async () => {
    const { chunks } = await loadMarkdown(
      md([
        '## Options <sup>new</sup>',
        '',
        '<table>',
        '  <tr><th>Option</th><th>Default</th></tr>',
        '  <tr><td><code>timeout</code></td><td>30&nbsp;s</td></tr>',
        '</table>',
        '',
        'Use <b>timeout</b> for slow carriers.<br>See `List<String>` for the type.',
      ]),
      'options.md',
    );
    expect(chunks[0]!.section).toBe('Options new');
    expect(chunks[0]!.text).toContain('| Option | Default |');
    expect(chunks[0]!.text).toContain('| timeout | 30 s |');
    expect(chunks[0]!.text).toContain('Use timeout for slow carriers.');
    expect(chunks[0]!.text).toContain('`List<String>`');
    expect(chunks[0]!.text).not.toMatch(/<\/?(table|tr|td|b|br|sup)\b/);
  });

  it('keeps a numbered procedure and its code whole when a long section splits, and cuts only between blocks', async () => {
    const steps = Array.from({ length: 6 }, (_, i) => `${i + 1}. ${filler(`Step ${i + 1} rotates the signing key`, 12)}`);
    const code = ['```sh', ...Array.from({ length: 12 }, (_, i) => `deskmate keys rotate --step ${i + 1} --confirm`), '```'];
    const { chunks } = await loadMarkdown(md(['## Rotating keys', '', filler('Rotation keeps old tokens valid for a while', 25), '', ...steps, '', ...code, '', filler('After rotation revoke the old key', 25)]), 'keys.md');
    expect(chunks.length).toBeGreaterThan(1);
    const withSteps = chunks.filter((c) => /^\d\. Step/m.test(c.text));
    expect(withSteps).toHaveLength(1);
    expect(withSteps[0]!.text).toContain('6. Step 6');
    const withCode = chunks.filter((c) => c.text.includes('```sh'));
    expect(withCode).toHaveLength(1);
    expect(withCode[0]!.text).toContain('--step 12 --confirm');
    expect(chunks.every((c) => c.section === 'Rotating keys')).toBe(true);
  });

  it('lets short subsections ride with their parent and lists every heading of the merged chunk', async () => {
    const { chunks } = await loadMarkdown(
      md(['## Cancel a shipment', '', 'Call `DELETE /v2/shipments/:id` before pickup.', '', '### Request', '', 'No body.', '', '### Response', '', '`204 No Content`', '', '## Track a shipment', '', 'Use `GET /v2/shipments/:id/track`.']),
      'shipments.md',
    );
    expect(chunks.map((c) => c.section)).toEqual(['Cancel a shipment', 'Track a shipment']);
    expect(chunks[0]!.meta?.headings).toEqual(['Cancel a shipment', 'Request', 'Response']);
    expect(chunks[0]!.text).toContain('204 No Content');
    expect(chunks[0]!.text).not.toContain('track');
  });
});
