import { isPlaceholder } from './lookalikes.js';
import type { Redaction } from './types.js';

/**
 * Credentials recognisable by their own shape (a vendor prefix, a fixed structure). Each pattern
 * starts with a literal so the regex engine skips most text quickly; the whole match is the secret.
 */
interface ShapeRule {
  type: string;
  pattern: RegExp;
  /** Substrings every match contains: a cheap `includes` skips the regex on most texts. */
  hints: string[];
}

// Boundaries: a token must not be glued to other token characters on either side.
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

const SHAPE_RULES: ShapeRule[] = [
  { type: 'aws-access-key', pattern: new RegExp(`${B}(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}${E}`, 'g'), hints: ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ABIA', 'ACCA', 'A3T'] },
  { type: 'github-token', pattern: new RegExp(`${B}(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})${E}`, 'g'), hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
  { type: 'gitlab-token', pattern: new RegExp(`${B}(?:glpat|gldt|glrt|glptt)-[A-Za-z0-9_-]{20,}${E}`, 'g'), hints: ['glpat-', 'gldt-', 'glrt-', 'glptt-'] },
  { type: 'slack-token', pattern: new RegExp(`${B}(?:xox[abposre]|xapp)-[A-Za-z0-9-]{20,}${E}`, 'g'), hints: ['xox', 'xapp-'] },
  { type: 'slack-webhook', pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]{16,}/g, hints: ['hooks.slack.com'] },
  { type: 'discord-webhook', pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{20,}/g, hints: ['/api/webhooks/'] },
  { type: 'stripe-key', pattern: new RegExp(`${B}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}${E}`, 'g'), hints: ['_live_', '_test_'] },
  { type: 'stripe-key', pattern: new RegExp(`${B}whsec_[A-Za-z0-9]{20,}${E}`, 'g'), hints: ['whsec_'] },
  { type: 'google-api-key', pattern: new RegExp(`${B}AIza[A-Za-z0-9_-]{30,}${E}`, 'g'), hints: ['AIza'] },
  { type: 'google-oauth-token', pattern: new RegExp(`${B}(?:ya29\\.[A-Za-z0-9_-]{20,}|GOCSPX-[A-Za-z0-9_-]{20,}|1//0[A-Za-z0-9_-]{30,})`, 'g'), hints: ['ya29.', 'GOCSPX-', '1//0'] },
  { type: 'anthropic-key', pattern: new RegExp(`${B}sk-ant-[A-Za-z0-9_-]{20,}`, 'g'), hints: ['sk-ant-'] },
  { type: 'openai-key', pattern: new RegExp(`${B}sk-(?!ant-)(?:[A-Za-z0-9]+-)?[A-Za-z0-9_-]{20,}${E}`, 'g'), hints: ['sk-'] },
  { type: 'huggingface-token', pattern: new RegExp(`${B}hf_[A-Za-z0-9]{30,}${E}`, 'g'), hints: ['hf_'] },
  { type: 'docker-token', pattern: new RegExp(`${B}dckr_pat_[A-Za-z0-9_-]{20,}`, 'g'), hints: ['dckr_pat_'] },
  { type: 'pypi-token', pattern: new RegExp(`${B}pypi-AgE[A-Za-z0-9_-]{50,}`, 'g'), hints: ['pypi-AgE'] },
  { type: 'npm-token', pattern: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, 'g'), hints: ['npm_'] },
  { type: 'sendgrid-key', pattern: new RegExp(`${B}SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}`, 'g'), hints: ['SG.'] },
  { type: 'twilio-key', pattern: new RegExp(`${B}SK[0-9a-f]{32}${E}`, 'g'), hints: ['SK'] },
  { type: 'shopify-token', pattern: new RegExp(`${B}shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,}${E}`, 'g'), hints: ['shp'] },
  { type: 'linear-key', pattern: new RegExp(`${B}lin_api_[A-Za-z0-9]{32,}${E}`, 'g'), hints: ['lin_api_'] },
  { type: 'mailgun-key', pattern: new RegExp(`${B}key-[0-9a-f]{32}${E}`, 'g'), hints: ['key-'] },
  { type: 'square-token', pattern: new RegExp(`${B}(?:sq0atp|sq0csp|EAAA)[A-Za-z0-9_-]{22,}${E}`, 'g'), hints: ['sq0', 'EAAA'] },
  { type: 'digitalocean-token', pattern: new RegExp(`${B}do[opr]_v1_[a-f0-9]{64}${E}`, 'g'), hints: ['_v1_'] },
  // A JWT: three base64url segments, the first two encoding JSON objects (`{"` → "eyJ", `{ ` → "eyA",
  // `{\n` → "ewo").
  { type: 'jwt', pattern: new RegExp(`${B}e[wy][A-Za-z0-9_-]{8,}\\.e[wy][A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}`, 'g'), hints: ['.ey', '.ew'] },
];

/** PEM private keys, also inside JSON strings (escaped `\n`), and cut-off blocks with no END line. */
const PEM_BLOCK =
  /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----[A-Za-z0-9+/=\s:,\\-]*?(?:-----END \1-----|(?=[^A-Za-z0-9+/=\s:,\\-]|$))/g;

/**
 * A whole block from BEGIN to its END line, whatever sits between: PGP armour headers
 * (`Comment: ops (rotated 2024/05)`), OpenSSH and encrypted PEM headers (`Proc-Type`, `DEK-Info`).
 */
const WHOLE_BLOCK = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----[\s\S]{0,20000}?-----END \1-----/g;

function pemFindings(text: string, out: Redaction[]): void {
  if (!text.includes('PRIVATE KEY')) return;
  WHOLE_BLOCK.lastIndex = 0;
  for (let m = WHOLE_BLOCK.exec(text); m; m = WHOLE_BLOCK.exec(text)) {
    const body = m[0].slice(m[0].indexOf('-----', 5) + 5, m[0].lastIndexOf('-----END'));
    if ((body.match(/[A-Za-z0-9+/]/g) ?? []).length >= 40) out.push({ type: 'private-key', start: m.index, end: m.index + m[0].length });
  }
  PEM_BLOCK.lastIndex = 0;
  for (let m = PEM_BLOCK.exec(text); m; m = PEM_BLOCK.exec(text)) {
    const body = m[0].slice(m[0].indexOf('-----', 5) + 5).replace(/-----END[\s\S]*$/, '');
    // A header followed by "..." or nothing is documentation about keys, not a key.
    if ((body.match(/[A-Za-z0-9+/]/g) ?? []).length < 40) continue;
    out.push({ type: 'private-key', start: m.index, end: m.index + m[0].length });
  }
}

export function findShapedSecrets(text: string): Redaction[] {
  const out: Redaction[] = [];
  for (const rule of SHAPE_RULES) {
    if (!rule.hints.some((h) => text.includes(h))) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (isPlaceholder(m[0])) continue;
      out.push({ type: rule.type, start: m.index, end: m.index + m[0].length });
    }
  }
  pemFindings(text, out);
  return out;
}
