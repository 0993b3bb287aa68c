import { headingAnchor, sourceUrl } from '../../../src/knowledge/answer/source-links';

describe('citations become links from a per-source URL template', () => {
  const templates = {
    '': 'https://git.example.com/docs/blob/main/{path}#L{line}',
    'mastodon-api/': 'https://github.com/mastodon/documentation/blob/main/content/en/{path}#{anchor}',
  };

  it('uses the longest matching prefix, the rest of the path and the heading anchor', () => {
    expect(sourceUrl({ path: 'mastodon-api/methods/statuses.md', section: "statuses API methods > Favourite a status", line: 40 }, templates)).toBe(
      'https://github.com/mastodon/documentation/blob/main/content/en/methods/statuses.md#favourite-a-status',
    );
    expect(sourceUrl({ path: 'openapi.yaml', section: 'GET /shipments', line: 12 }, templates)).toBe('https://git.example.com/docs/blob/main/openapi.yaml#L12');
  });

  it('drops an anchor that is not a heading, and gives no link without a template', () => {
    expect(sourceUrl({ path: 'mastodon-api/schema.sql', section: 'table film' }, templates)).toBe('https://github.com/mastodon/documentation/blob/main/content/en/schema.sql');
    expect(sourceUrl({ path: 'guide/a.md', section: 'A' }, {})).toBeUndefined();
  });

  it('makes GitHub-style heading anchors', () => {
    expect(headingAnchor("Get account's followers")).toBe('get-accounts-followers');
    expect(headingAnchor('decorateRequest(name, value)')).toBe('decoraterequestname-value');
  });
});
