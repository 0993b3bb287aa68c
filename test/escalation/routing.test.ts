import { allSeniors, mentionOf, pickRoundRobin, routeTopic } from '../../src/escalation/routing';

const topics = [
  { name: 'billing', keywords: ['invoice', 'refund'], seniors: ['UB1', 'UB2'] },
  { name: 'api', keywords: ['rate limit', 'pagination', 'endpoint'], seniors: ['UA1'] },
  { name: 'empty', keywords: ['orphan'], seniors: [] },
];

describe('routeTopic', () => {
  test.each([
    ['Why do refunds take a week?', 'billing'],
    ['Why is the rate  limit 100 per minute?', 'api'],
    ['Should we change the pagination of the refund endpoint?', 'api'], // two api hits beat one billing hit
    ['Why did we pick Kafka?', 'default'],
    ['Who owns the orphan job?', 'default'], // a topic without seniors is skipped
    ['What about invoicing?', 'default'], // whole words (plus plural), not prefixes
    ['Why are INVOICES monthly?', 'billing'],
  ])('%s → %s', (question, topic) => {
    expect(routeTopic(question, topics, ['UD']).topic).toBe(topic);
  });

  test('the default pool is used when no topic matches', () => {
    expect(routeTopic('anything', topics, ['UD1', 'UD2'])).toEqual({ topic: 'default', pool: ['UD1', 'UD2'] });
  });
});

describe('pickRoundRobin', () => {
  test('takes turns through the pool by cursor', () => {
    expect([0, 1, 2, 3].map((c) => pickRoundRobin(['A', 'B', 'C'], c))).toEqual(['A', 'B', 'C', 'A']);
  });
  test('skips the asker when someone else can answer, not when they are the only senior', () => {
    expect(pickRoundRobin(['A', 'B'], 0, ['A'])).toBe('B');
    expect(pickRoundRobin(['A'], 0, ['A'])).toBe('A');
  });
  test('an empty pool picks nobody', () => {
    expect(pickRoundRobin([], 3)).toBeUndefined();
  });
});

test('user groups are tagged as subteams; every configured senior counts as one', () => {
  expect(mentionOf('S0123ABC')).toBe('<!subteam^S0123ABC>');
  expect(mentionOf('U0123ABC')).toBe('<@U0123ABC>');
  expect([...allSeniors(['UD'], topics)].sort()).toEqual(['UA1', 'UB1', 'UB2', 'UD']);
});
