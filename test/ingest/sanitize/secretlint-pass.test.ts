import { secretlintFindings, wantsSecretlint } from '../../../ingest/sanitize/secretlint-pass';

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
