import { sanitize } from '../../../src/security/sanitize';
import { secretlintFindings, wantsSecretlint, widenToTokens } from '../../../src/security/sanitize/secretlint-pass';

describe('secretlint second opinion', () => {
  test('one batched pass maps findings back to offsets in each text', async () => {
    const slack = 'xoxb-81726354-98172635412-Gh7Jk9Lm2Np4Qr6St8Uv0Wx';
    const github = 'ghp_Zk3mQ9pW2sR7tV1yX4aB6cD8eF0gH2iJ4kL6';
    const texts = ['no secrets here', `bot: ${slack}`, 'still nothing', `line one\nrelease token ${github} end`];
    const found = await secretlintFindings(texts);
    expect(found[0]).toEqual([]);
    expect(found[2]).toEqual([]);
    expect(found[1].map((r) => texts[1].slice(r.start, r.end))).toEqual([slack]);
    expect(found[3].map((r) => [r.type, texts[3].slice(r.start, r.end)])).toEqual([['github-token', github]]);
  });

  test('texts without any hint are not sent to secretlint', () => {
    expect(wantsSecretlint('## Deploying\n\nRun the job nightly; see the runbook.')).toBe(false);
    expect(wantsSecretlint('token xoxb-1')).toBe(true);
    expect(wantsSecretlint('postgres://app:pw@db/x')).toBe(true);
  });
});

describe('widenToTokens', () => {
  test('a span cut mid-value grows to the end of the value, so no tail of the secret survives', () => {
    const text = 'aws_secret_access_key = 9drTJvcXLB89wQ2mPLe/4vQ3bm7h2pZk8Q1nLx0Y # prod';
    const { start, end } = widenToTokens(text, 0, 40);
    expect(text.slice(start, end)).toBe('aws_secret_access_key = 9drTJvcXLB89wQ2mPLe/4vQ3bm7h2pZk8Q1nLx0Y');
  });

  test('a span that starts inside a token grows back to its start; whole tokens stay as they are', () => {
    const text = 'token=abcDEF123ghi456 next';
    expect(widenToTokens(text, 9, 12)).toEqual({ start: 0, end: 21 });
    expect(widenToTokens(text, 22, 26)).toEqual({ start: 22, end: 26 });
  });
});

test('a value is redacted whole or kept whole, never cut in two (secretlint range starting at the key)', async () => {
  const value = '9drTJvcXLB89EXAmPLe/4vQ3bm7h2pZk8Q1nLx0Y';
  const { text } = await sanitize(`aws_secret_access_key = ${value}`);
  const tail = value.slice(16);
  expect(text === `aws_secret_access_key = ${value}` || !text.includes(tail)).toBe(true);
});
