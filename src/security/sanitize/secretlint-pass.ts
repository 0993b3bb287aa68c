import { DeskmateError, ErrorCode } from '../../errors.js';
import { isPlaceholder } from './lookalikes.js';
import type { Redaction } from './types.js';

/**
 * Second opinion from secretlint's maintained recommended preset. It is ESM-only and costs ~0.4 ms
 * per call, so it runs once over a batch of texts joined together, and only over texts that contain
 * something one of its rules keys on (the prefilter mirrors the preset's patterns).
 */
const SECRETLINT_HINT =
  /AKIA|ASIA|A3T|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|PRIVATE KEY|x-oauth-basic|_authToken|npm_|xox|xapp|hooks\.slack|sk-|lin_api_|SG\.|shp|gh[pousr]_|github_pat|ops_ey/;
const SECRETLINT_HINT_ANY_CASE = /secret_?access_?key/i;
const URL_WITH_CREDENTIALS = /:\/\/[^\s/@]*:[^\s/@]*@/;

/** Keeps texts apart in the joined batch: no preset pattern can match across a NUL line. */
const SEPARATOR = '\n\u0000\n';

const TYPE_BY_MESSAGE: Record<string, string> = {
  AWSAccessKeyID: 'aws-access-key',
  AWSSecretAccessKey: 'aws-secret-key',
  SLACK_TOKEN: 'slack-token',
  IncomingWebhook: 'slack-webhook',
  GITHUB_TOKEN: 'github-token',
};

function typeOf(ruleId: string, messageId: string): string {
  return TYPE_BY_MESSAGE[messageId] ?? ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
}

type LintSource = (typeof import('@secretlint/core', { with: { 'resolution-mode': 'import' } }))['lintSource'];
type SecretLintCoreConfig = Parameters<LintSource>[0]['options']['config'];
let loaded: Promise<{ lintSource: LintSource; config: SecretLintCoreConfig }> | undefined;

function loadSecretlint(): Promise<{ lintSource: LintSource; config: SecretLintCoreConfig }> {
  loaded ??= (async () => {
    const core = await import('@secretlint/core');
    const preset = await import('@secretlint/secretlint-rule-preset-recommend');
    return { lintSource: core.lintSource, config: { rules: [{ id: preset.creator.meta.id, rule: preset.creator }] } };
  })();
  return loaded;
}

const TOKEN_CHAR = /[A-Za-z0-9+/=_\-.~]/;

/** Moves a span's edges out to the ends of the tokens they fall inside. */
export function widenToTokens(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (e <= s) return { start: s, end: e };
  while (s > 0 && TOKEN_CHAR.test(text[s - 1]) && TOKEN_CHAR.test(text[s])) s--;
  while (e < text.length && TOKEN_CHAR.test(text[e]) && TOKEN_CHAR.test(text[e - 1])) e++;
  return { start: s, end: e };
}

export function wantsSecretlint(text: string): boolean {
  return (
    SECRETLINT_HINT.test(text) ||
    SECRETLINT_HINT_ANY_CASE.test(text) ||
    (text.includes('://') && text.includes('@') && URL_WITH_CREDENTIALS.test(text))
  );
}

/** Findings per input text (offsets into that text); texts without a hint get an empty list. */
export async function secretlintFindings(texts: string[]): Promise<Redaction[][]> {
  const results: Redaction[][] = texts.map(() => []);
  const picked = texts.map((t, i) => i).filter((i) => wantsSecretlint(texts[i]));
  if (picked.length === 0) return results;
  const starts: number[] = [];
  let offset = 0;
  for (const i of picked) {
    starts.push(offset);
    offset += texts[i].length + SEPARATOR.length;
  }
  const joined = picked.map((i) => texts[i]).join(SEPARATOR);
  let lint: Awaited<ReturnType<LintSource>>;
  try {
    const { lintSource, config } = await loadSecretlint();
    lint = await lintSource({
      source: { content: joined, filePath: '/deskmate/chunk.txt', ext: '.txt', contentType: 'text' },
      options: { config, maskSecrets: true, noPhysicFilePath: true },
    });
  } catch (cause) {
    // Fail closed: text that could not be scanned must not be indexed.
    loaded = undefined;
    throw new DeskmateError(ErrorCode.Internal, 'Secret scanning failed, so nothing was indexed; the log has the cause.', { cause });
  }
  for (const msg of lint.messages) {
    const [from, to] = msg.range;
    // Find the text this range starts in (binary search over the start offsets).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= from) lo = mid;
      else hi = mid - 1;
    }
    const idx = picked[lo];
    // Some rules report a range that starts at the key name but is only as long as the secret
    // (`aws_secret_access_key = wJal…` cut mid-value): widen to whole tokens so no tail survives.
    const { start, end } = widenToTokens(texts[idx], from - starts[lo], Math.min(to - starts[lo], texts[idx].length));
    if (end <= start || isPlaceholder(texts[idx].slice(start, end))) continue;
    // The preset's account-id rule fires on any `account_id: 1234-5678-9012`; an id is not a secret.
    if (msg.messageId === 'AWSAccountID') continue;
    results[idx].push({ type: typeOf(msg.ruleId, msg.messageId), start, end });
  }
  return results;
}
