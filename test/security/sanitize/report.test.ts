import { addToReport, emptyReport, formatReport, lineOf, sanitize, sanitizeMany } from '../../../src/security/sanitize/index';
import { mergeRedactions } from '../../../src/security/sanitize/merge';

describe('redaction offsets and merging', () => {
  test('offsets point into the original text', async () => {
    const text = 'mail a.b@acme-corp.io\nkey AKIAQ3EGUZ7JX2M4VNP8\n';
    const { redactions } = await sanitize(text);
    expect(redactions.map((r) => [r.type, text.slice(r.start, r.end)])).toEqual([
      ['email', 'a.b@acme-corp.io'],
      ['aws-access-key', 'AKIAQ3EGUZ7JX2M4VNP8'],
    ]);
  });

  test('overlapping findings become one redaction typed after the widest', () => {
    const merged = mergeRedactions([
      { type: 'password', start: 20, end: 30 },
      { type: 'email', start: 50, end: 60 },
      { type: 'api-key', start: 10, end: 40 },
      { type: 'token', start: 35, end: 45 },
    ]);
    expect(merged).toEqual([
      { type: 'api-key', start: 10, end: 45 },
      { type: 'email', start: 50, end: 60 },
    ]);
  });

  test('a PEM key inside a JSON string value is one redaction', async () => {
    const text = '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\n-----END PRIVATE KEY-----\\n"}';
    const { text: out, redactions } = await sanitize(text);
    expect(redactions).toHaveLength(1);
    expect(out).toMatch(/^\{"private_key": "\[REDACTED:private-key\](\\n)?"\}$/);
  });

  test('sanitizeMany gives the same answers as sanitize, text by text', async () => {
    const texts = [
      'plain text',
      'token ghp_Zk3mQ9pW2sR7tV1yX4aB6cD8eF0gH2iJ4kL6 and xoxb-81726354-98172635412-Gh7Jk9Lm2Np4Qr6St8Uv0Wx',
      '',
      'AWS_SECRET_ACCESS_KEY=Wb7kq2Lr9Xz4Tm1Np8Vd3Hs6Jf0Gc5Ye2Ua7Ri9O',
      'postgres://app:Zr8!kq2LpX@db.prod.acme.io:5432/orders',
    ];
    const batch = await sanitizeMany(texts);
    const single = await Promise.all(texts.map((t) => sanitize(t)));
    expect(batch).toEqual(single);
  });
});

describe('redaction report', () => {
  test('lineOf counts lines from 1', () => {
    expect(lineOf('a\nb\nc', 0)).toBe(1);
    expect(lineOf('a\nb\nc', 2)).toBe(2);
    expect(lineOf('a\nb\nc', 4)).toBe(3);
  });

  test('counts by type and lists file:line without the secret', async () => {
    const secret = 'ghp_Zk3mQ9pW2sR7tV1yX4aB6cD8eF0gH2iJ4kL6';
    const source = `# Setup\n\ntoken: ${secret}\nmail ops@acme-corp.io\n`;
    const { redactions } = await sanitize(source);
    const report = emptyReport();
    addToReport(report, 'docs/setup.md', source, redactions);
    addToReport(report, 'docs/other.md', 'x', [{ type: 'email', start: 0, end: 1 }]);
    expect(report.total).toBe(3);
    expect(report.byType).toEqual({ 'github-token': 1, email: 2 });
    expect(report.locations).toEqual([
      { path: 'docs/setup.md', line: 3, type: 'github-token' },
      { path: 'docs/setup.md', line: 4, type: 'email' },
      { path: 'docs/other.md', line: 1, type: 'email' },
    ]);
    const text = formatReport(report);
    expect(text).toContain('email: 2');
    expect(text).toContain('docs/setup.md:3 github-token');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('ops@acme-corp.io');
  });

  test('formatReport caps the location list and says how many were left out', () => {
    const report = emptyReport();
    addToReport(report, 'a.md', 'x\ny\nz', [0, 2, 4].map((start) => ({ type: 'email', start, end: start + 1 })));
    const text = formatReport(report, 1);
    expect(text).toContain('a.md:1 email');
    expect(text).not.toContain('a.md:2 email');
    expect(text).toContain('2 more');
    expect(formatReport(emptyReport())).toBe('Redactions: none.');
  });
});
