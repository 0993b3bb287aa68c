import { formatResult } from '../../src/terminal/format';
import { mrkdwnToPlain as plainText } from '../../src/terminal/plain';

describe('the console prints plain text, not Slack mrkdwn', () => {
  it('drops emphasis markers and turns links into label (url), leaving code as written', () => {
    expect(plainText('*GET /shipments* — `GET /shipments` [1]\n_(offline answer)_')).toBe('GET /shipments — `GET /shipments` [1]\n(offline answer)');
    expect(plainText('see <https://example.com/a|the guide> and `*not bold*` or snake_case_name')).toBe('see the guide (https://example.com/a) and `*not bold*` or snake_case_name');
  });

  it('prints source links under the numbered sources', () => {
    const out = formatResult({
      question: 'q', intent: 'answer', escalate: false, reason: 'documented', confidence: 0.9, answer: '*Cursor pagination* [1]', answeredBy: 'extractive',
      sources: [{ path: 'guide/pagination.md', section: 'Cursor pagination', score: 0.9, url: 'https://github.com/acme/docs/blob/main/guide/pagination.md#cursor-pagination' }],
    });
    expect(out).toContain('Cursor pagination [1]');
    expect(out).not.toContain('*Cursor');
    expect(out).toContain('https://github.com/acme/docs/blob/main/guide/pagination.md#cursor-pagination');
  });
});
