import fc from 'fast-check';
import { classifyIntent, looksLikeQuestion } from '../../../src/knowledge/intent/intent';
import { MAX_QUESTION_CHARS, normalizeQuestion } from '../../../src/text/normalize-question';

describe('normalizeQuestion', () => {
  it('drops Slack mentions and expands contractions, straight or curly', () => {
    expect(normalizeQuestion('<@U123ABC> What’s   the limit?')).toBe('what is the limit?');
    expect(normalizeQuestion("Shouldn't we've")).toBe('should not we have');
    expect(normalizeQuestion("we're <!here>")).toBe('we are');
  });

  it('replaces code spans and API paths with placeholders so their words are not read as prose', () => {
    expect(normalizeQuestion('why does `should_we_retry` fail on /api/v1/statuses/:id?')).toBe(
      'why does codeterm fail on apipath ?',
    );
  });

  it('keeps the label of a Slack link and the name of a channel link', () => {
    expect(normalizeQuestion('see <https://docs.example/x|the rate limit docs> in <#C42|api-help>')).toBe(
      'see the rate limit docs in api-help',
    );
  });

  it('looks at no more than the capped number of characters', () => {
    const long = 'why did we choose kafka? ' + 'x'.repeat(MAX_QUESTION_CHARS * 10);
    expect(normalizeQuestion(long).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });
});

describe('classifyIntent', () => {
  it('is not fooled by the question word: why about behaviour answers, why about a choice escalates', () => {
    expect(classifyIntent('Why does this endpoint return 422?').intent).toBe('answer');
    expect(classifyIntent('Why did we choose cursor pagination?').intent).toBe('escalate');
    expect(classifyIntent('How do I page through results?').intent).toBe('answer');
    expect(classifyIntent('How should we version webhooks?').intent).toBe('escalate');
  });

  it('gives a reason that names the kind of escalation', () => {
    expect(classifyIntent('Why did we choose cursor pagination?').reason).toBe("asks for the team's design rationale");
    expect(classifyIntent('What is our policy on breaking changes?').reason).toBe('asks about team policy or process');
    expect(classifyIntent('Do you recommend Redis or Memcached here?').reason).toBe('asks for a recommendation or judgement');
    expect(classifyIntent('Who owns the payments service?').reason).toBe('asks who owns or decides something');
    expect(classifyIntent('When will we ship the v2 client?').reason).toBe('asks about plans, priorities or estimates');
    expect(classifyIntent('Why do I get a 404 when fetching a deleted status?').reason).toBe(
      'asks how documented behaviour works',
    );
  });

  it('reports the signals that fired and a confidence between 0.5 and 1', () => {
    const decision = classifyIntent('Should we adopt event sourcing? What are the trade-offs?');
    expect(decision.signals).toEqual(expect.arrayContaining(['should-question', 'advice-words']));
    expect(decision.confidence).toBeGreaterThan(0.9);
    expect(decision.confidence).toBeLessThanOrEqual(1);
  });

  it('is more confident when cues agree than when they conflict', () => {
    const clear = classifyIntent('How do I fetch the followers of an account from the API?');
    const mixed = classifyIntent('How do we get an app token?');
    expect(clear.intent).toBe('answer');
    expect(clear.confidence).toBeGreaterThan(mixed.confidence);
  });

  it('ignores casing, whitespace, mentions and contractions', () => {
    const plain = classifyIntent('Why did we pick Postgres over MySQL?');
    const noisy = classifyIntent('  <@U0BOT>   WHY’D   WE PICK postgres OVER mysql  ');
    expect(noisy.intent).toBe(plain.intent);
    expect(classifyIntent("shouldn't we drop the v1 endpoint?").intent).toBe('escalate');
  });

  it('does not read words inside code as team talk', () => {
    expect(classifyIntent('What does `should_we_escalate` return in the payload?').intent).toBe('answer');
  });

  it('answers when the recommendation asked about is one the docs make', () => {
    expect(classifyIntent('Which library does the documentation recommend for OAuth?').intent).toBe('answer');
    expect(classifyIntent('Which library would you recommend for OAuth?').intent).toBe('escalate');
  });

  it('treats empty and punctuation-only input as nothing to escalate, with zero confidence', () => {
    for (const empty of ['', '   ', '?!', '<@U123>']) {
      expect(classifyIntent(empty)).toEqual({
        intent: 'answer',
        reason: 'empty question: nothing to escalate',
        confidence: 0,
        signals: [],
      });
    }
  });

  it('classifies a question followed by a huge pasted log quickly, by its opening', () => {
    // Judgement words far past the cap must not matter, and the work must stay bounded.
    const trace = '\n  at Object.<anonymous> (/srv/app/index.js:12:5)'.repeat(60);
    const log = trace + ' should we? we recommend our policy'.repeat(50000);
    const started = Date.now();
    const decision = classifyIntent('Why do I get a 500 error when posting a status?' + log);
    expect(Date.now() - started).toBeLessThan(500);
    expect(decision.intent).toBe('answer');
  });

  it('is deterministic and total: any string gives a well-formed decision, the same every time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const a = classifyIntent(text);
        expect(classifyIntent(text)).toEqual(a);
        expect(['answer', 'escalate']).toContain(a.intent);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        expect(a.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('looksLikeQuestion', () => {
  it.each([
    '<@U42> how do I page the accounts API?',
    'anyone know where the rate limits are documented',
    "what's the max page size",
    'Is there a way to get statuses by hashtag?',
    'does the search endpoint support offset',
    'not sure how to refresh an access token, any pointers',
    'trying to upload a video - which endpoint takes it?',
    'why does the follow call return 403',
    'i wonder whether the inventory table has a store column',
  ])('is true for the question %p', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each([
    'thanks!',
    'lunch?',
    'lgtm',
    'ok will do',
    'haha yes',
    'see you tomorrow',
    'deploying now',
    'merged, thanks for the review',
    'anyone up for coffee?',
    '',
    '<@U42>',
    'nice one :tada:',
    'shipped the fix to staging',
    'are you coming to standup?',
  ])('is false for chatter %p', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});
