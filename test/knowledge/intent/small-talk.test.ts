import { detectSmallTalk } from '../../../src/text/small-talk';
import { isFollowUpQuestion } from '../../../src/knowledge/intent/intent';

describe('small talk is recognised by dialogue act', () => {
  test.each([
    ['Hi there!', 'greeting'],
    ['good evening folks', 'greeting'],
    ['<@U0BOT> hello :wave:', 'greeting'],
    ["hey, how's it going?", 'greeting'],
    ['thanks, that worked!', 'thanks'],
    ['Thank you very much for the help', 'thanks'],
    ['great, cheers', 'thanks'],
    ['okay understood', 'acknowledgement'],
    ['nice, that is exactly it', 'acknowledgement'],
    ['👍', 'acknowledgement'],
    ['night all, have a nice weekend', 'farewell'],
  ])('%s → %s', (text, act) => {
    expect(detectSmallTalk(text)?.act).toBe(act);
  });

  test.each([
    'thanks! how do I rotate the signing key?',
    'hi, where is the rate limit documented',
    'hello `GET /shipments` returns 500',
    'ok but it still fails with 401',
    'is it ok?',
    'great job on the shipments_v2 migration',
    'thanks for the webhook retry policy docs, which header carries the signature',
    'carrier tracking numbers',
  ])('a message that asks or is about something is not small talk: %s', (text) => {
    expect(detectSmallTalk(text)).toBeNull();
  });
});

describe('follow-ups in an answered thread', () => {
  test.each(['and how do I get the next page?', 'what about cancelled shipments?', 'show me the request example', 'where is that set'])('answered: %s', (text) => {
    expect(isFollowUpQuestion(text)).toBe(true);
  });
  test.each(['thanks, that worked!', 'ok', "I'll try it tomorrow", 'deploying now'])('left alone: %s', (text) => {
    expect(isFollowUpQuestion(text)).toBe(false);
  });
});
