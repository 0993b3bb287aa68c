import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { DeskmateError } from '../../../src/errors';
import { configureSanitizer, sanitize } from '../../../src/security/sanitize/index';
import { tmpDir } from '../../support/tmp';

/** Text that reads like a secret or PII to a careless rule, and must come back unchanged. */
const KEEP: Array<[string, string]> = [
  ['a CLI flag with a code value', 'node --disable-warning=FSTWRN003 --max-old-space-size=4096 server.js'],
  ['TypeScript type annotations', 'interface Login {\n  password: string;\n  token?: string | null;\n  apiKey: string[];\n  secret: Buffer;\n}'],
  ['an RFC section anchor', 'See https://www.rfc-editor.org/rfc/rfc9110#section-6.2.2.1 and [§](#section-10.1.2.3).'],
  ['private and loopback addresses in prose', 'The API listens on 10.0.12.7:8443, the lab box is 192.168.1.20, the pod range 172.16.0.0/12, laptops use 127.0.0.1.'],
  ['a CSS custom property in a Token column', '| Name | Token |\n|------|-------|\n| primary | `--color-token-primary` |\n| gap | --space-token-md |'],
  ['multi-part versions and builds', 'Release v2.14.3.1 (build 4.18.2.7), assembly version 10.0.19041.1, image node:20.19.4'],
  ['a plural count key', 'max_tokens: 4096\nsecrets: 3\nretry_tokens = 12'],
  ['a date that is not a birth date', 'Created: 1990-11-02\nAddress the reviewer directly.'],
  ['a version that looks like an IBAN prefix', 'Build DE12 is out; see RFC 2616 and ISO 8601.'],
  ['an identifier in camelCase next to "key"', 'The cache key createIndexStatementCache is rebuilt nightly.'],
  ['concatenated ordinary strings', "const url = 'https://api.example.com' + '/v1/' + 'orders';"],
  ['base64 of ordinary text', 'Header value `SGVsbG8sIHdvcmxkIQ==` decodes to a greeting.'],
];

describe('sanitize: precision (look-alikes stay)', () => {
  test.each(KEEP)('keeps %s', async (_name, text) => {
    const result = await sanitize(text);
    expect(result.redactions).toEqual([]);
    expect(result.text).toBe(text);
  });
});

describe('sanitize.allow: a team allowlist from the config', () => {
  afterEach(() => configureSanitizer({}));

  test('literal and /pattern/ entries loaded by loadConfig keep those values; others are still redacted', async () => {
    const dir = tmpDir('deskmate-allow-');
    const file = path.join(dir, 'deskmate.config.yaml');
    fs.writeFileSync(file, 'sanitize:\n  allow:\n    - Zx9mQ2LpV7tK4wR8\n    - /^BLD-[A-Z0-9]{16}$/\n');
    const text = 'token: Zx9mQ2LpV7tK4wR8\napi_key: BLD-7H2K9QXM4RZVP8WN\npassword: Qm8#xZ2LpW9v';
    const before = await sanitize(text);
    expect(before.text).not.toContain('Zx9mQ2LpV7tK4wR8');
    loadConfig({ env: { DESKMATE_CONFIG: file }, cwd: dir });
    const after = await sanitize(text);
    expect(after.text).toContain('token: Zx9mQ2LpV7tK4wR8');
    expect(after.text).toContain('api_key: BLD-7H2K9QXM4RZVP8WN');
    expect(after.text).not.toContain('Qm8#xZ2LpW9v');
    expect(after.redactions.map((r) => r.type)).toEqual(['password']);
  });

  test('a pattern must match the whole value: a partial match does not unlock a secret', async () => {
    configureSanitizer({ allow: ['/BLD/'] });
    const result = await sanitize('api_key: BLD-7H2K9QXM4RZVP8WN');
    expect(result.text).not.toContain('7H2K9QXM4RZVP8WN');
  });

  test('an invalid pattern stops loadConfig with a message naming the key', () => {
    const dir = tmpDir('deskmate-allow-');
    const file = path.join(dir, 'deskmate.config.yaml');
    fs.writeFileSync(file, 'sanitize:\n  allow:\n    - "/([a-z/"\n');
    expect(() => loadConfig({ env: { DESKMATE_CONFIG: file }, cwd: dir })).toThrow(DeskmateError);
    expect(() => loadConfig({ env: { DESKMATE_CONFIG: file }, cwd: dir })).toThrow(/sanitize\.allow\.0/);
  });
});
