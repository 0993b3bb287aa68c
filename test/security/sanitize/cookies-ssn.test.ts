import { sanitize } from '../../../src/security/sanitize';

describe('cookie headers', () => {
  test.each([
    ['Cookie: session=3b6f1d2e9a8c7b5a4f3e2d1c0b9a8f7e6d5c4b3a', '3b6f1d2e9a8c7b5a4f3e2d1c0b9a8f7e6d5c4b3a'],
    ['Set-Cookie: sid=Gh7Jk9Lm2Np4Qr6St8Uv0Wx; Path=/; HttpOnly', 'Gh7Jk9Lm2Np4Qr6St8Uv0Wx'],
    ["curl -H 'Cookie: _app_sess=Zk3mQ9pW2sR7tV1yX4aB6cD8eF0gH2' https://api.example.com", 'Zk3mQ9pW2sR7tV1yX4aB6cD8eF0gH2'],
  ])('a random cookie value is redacted: %s', async (input, value) => {
    const { text } = await sanitize(input);
    expect(text).not.toContain(value);
    expect(text).toContain('[REDACTED:token]');
  });

  test('flags, paths, dates and plain preferences in cookies are kept', async () => {
    const input = 'Set-Cookie: theme=dark; lang=en-US; Path=/; HttpOnly; Max-Age=3600; Expires=Wed, 21 Oct 2026 07:28:00 GMT';
    expect((await sanitize(input)).text).toBe(input);
  });
});

describe('US Social Security numbers', () => {
  test('typed as an SSN where only the SSN rule sees it', async () => {
    expect((await sanitize('SSN 123-45-6789')).text).toBe('SSN [REDACTED:ssn]');
  });

  test.each(['SSN 123-45-6789', 'Social Security: 219-09-9999', 'ssn: "078-05-1120"'])('redacted where the line says SSN: %s', async (input) => {
    const { text } = await sanitize(input);
    expect(text).toMatch(/\[REDACTED:(ssn|phone)\]/);
    expect(text).not.toMatch(/\d{3}-\d{2}-\d{4}/);
  });

  test.each(['part 123-45-6789 in stock', 'order 2024-01-15'])('kept without that context: %s', async (input) => {
    expect((await sanitize(input)).text).toBe(input);
  });
});
