import { mrkdwnToPlain } from '../../src/terminal/plain';

describe('Slack mrkdwn as plain terminal text', () => {
  it.each([
    ['*GET /shipments* lists shipments.', 'GET /shipments lists shipments.'],
    ['Use _cursor_ pagination, not ~offsets~.', 'Use cursor pagination, not offsets.'],
    ['See <https://example.com/docs|the guide> or <https://example.com>.', 'See the guide (https://example.com/docs) or https://example.com.'],
    ['Ask <@U123> in <#C42|support>.', 'Ask @U123 in @support.'],
    ['a &lt; b &amp;&amp; c &gt; d', 'a < b && c > d'],
    ['Keep `*not bold*` and ```\n*x* _y_\n``` as written.', 'Keep `*not bold*` and ```\n*x* _y_\n``` as written.'],
    ['2 * 3 * 4 and snake_case_name stay', '2 * 3 * 4 and snake_case_name stay'],
    ['[1] *Rate limits*: 429 means wait.', '[1] Rate limits: 429 means wait.'],
  ])('%j → %j', (input, expected) => {
    expect(mrkdwnToPlain(input)).toBe(expected);
  });
});
