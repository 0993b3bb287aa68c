import fc from 'fast-check';
import { sanitize, sanitizeMany } from '../../../src/security/sanitize/index';
import { isPlaceholder } from '../../../src/security/sanitize/lookalikes';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('');
const UPPER_DIGIT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const PASSWORD_CHARS = [...ALNUM, ...'!#%^*_+='.split('')];

const chars = (alphabet: string[], min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Random credentials in shapes real ones have; a digit up front keeps them from reading as words. */
const password = fc
  .tuple(fc.constantFrom(...'0123456789'.split('')), chars(PASSWORD_CHARS, 9, 24))
  .map(([d, rest]) => d + rest)
  .filter((v) => !isPlaceholder(v));
const token = fc.oneof(
  chars(ALNUM, 36, 36).map((s) => `ghp_${s}`),
  chars(UPPER_DIGIT, 16, 16).map((s) => `AKIA${s}`),
  chars(ALNUM, 24, 32).map((s) => `sk_live_${s}`),
  chars(ALNUM, 40, 48).map((s) => `sk-proj-${s}`),
  chars(ALNUM, 24, 24).map((s) => `xoxb-1234567890-9876543210-${s}`),
  chars(ALNUM, 35, 35).map((s) => `AIza${s}`),
).filter((t) => !isPlaceholder(t)); // a random run can spell "FAKE" or "xxxx", which marks a placeholder
const email = fc
  .tuple(chars('abcdefghijklmnopqrstuvwxyz'.split(''), 3, 10), fc.constantFrom('acme-corp.io', 'payroll-hq.com', 'mail.example.org'))
  .map(([user, domain]) => `${user}@${domain}`);

/** Places a secret in one of the contexts documentation puts them in. */
const planted = fc.oneof(
  password.chain((p) =>
    fc.constantFrom(
      `DB_PASSWORD=${p}`,
      `password: "${p}"`,
      `{"password": "${p}"}`,
      `postgres://app:${p}@db.acme.io:5432/x`,
      `  api_key: '${p}'`,
      `export AUTH_TOKEN="${p}"`,
      `| password | \`${p}\` |`,
    ).map((context) => ({ context, secret: p })),
  ),
  token.chain((t) =>
    fc.constantFrom(`token: ${t}`, `use \`${t}\` here`, `{"key": "${t}"}`, `Authorization: Bearer ${t}`, t).map((context) => ({ context, secret: t })),
  ),
  email.map((e) => ({ context: `contact ${e} today`, secret: e })),
);

const WORDS = ['the', 'deploy', 'runs', 'nightly', 'see', 'docs', 'for', 'token', 'rotation', 'policy', 'version', '2.4.1', 'on', 'port', '8080', 'and', 'id', '86eb4b6a-2f4d-6760-ec9e-07c2584765a6', 'commit', 'f2e7bd54ac0dd265efde715dd4ca6b03e8148ef0', '#14fdbf', '2026-11-05', 'http://localhost:3000/health', 'sha256:432864492a2e8c02c1de66d02693a9570edaac98461ae3b723e8dc4f5bc82ac2', '127.0.0.1', 'YOUR_API_KEY', '<token>', '${ENV_VAR}', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '-', '\n', '##', '`npm', 'test`', '|', 'password', 'secret', 'api key'];
const prose = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((w) => w.join(' '));

describe('sanitize properties', () => {
  test('never throws on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400, unit: 'binary' }), async (text) => {
        const result = await sanitize(text);
        for (const r of result.redactions) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('never leaves a planted secret, whatever surrounds it', async () => {
    await fc.assert(
      fc.asyncProperty(prose, planted, prose, async (before, { context, secret }, after) => {
        const { text } = await sanitize(`${before}\n${context}\n${after}`);
        expect(text).not.toContain(secret);
      }),
      { numRuns: 400 },
    );
  });

  test('text without secrets comes back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(prose, { minLength: 1, maxLength: 5 }), async (texts) => {
        const results = await sanitizeMany(texts);
        results.forEach((r, i) => {
          expect(r.text).toBe(texts[i]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
