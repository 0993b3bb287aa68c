import { isCodeLike, isHighEntropy, isPlaceholder, looksRandom } from './lookalikes.js';
import type { Redaction } from './types.js';

/** The placeholder type a credential's key word implies (password, token, api-key…). */
export function typeForKey(keyWord: string, fullKey: string): string {
  const k = keyWord.toLowerCase();
  if (/^pass|^pwd|^requirepass|^masterauth/.test(k)) return 'password';
  if (/aws/i.test(fullKey) && /secret|key/.test(k)) return 'aws-secret-key';
  if (/sig|signature/.test(k)) return 'sas-token';
  if (k.startsWith('token') || k.startsWith('session')) return 'token';
  if (k.startsWith('secret') || k.startsWith('credential') || /[_-]secret$/.test(k)) return 'secret';
  return 'api-key';
}

/** Type marker: the placeholder type follows the key word the form matched (password, token…). */
const KEYED = 'keyed';

/** Forms without a `key = value` shape: HTTP auth headers, curl -u, SQL, Oracle user/pass@db. */
const OTHER_FORMS: Array<{ type: string; re: RegExp; group: number; strict: boolean; hints: string[]; highEntropy?: boolean }> = [
  {
    type: 'bearer-token',
    re: /\b(?:Proxy-)?Authorization\\?["']?[ \t]*[:=][ \t]*\\?["']?(?:(?:Bearer|Basic|Token|Bot|Digest|ApiKey|Key|SSWS|OAuth)[ \t]+)?([A-Za-z0-9._~+/=-]{8,})/gi,
    group: 1,
    strict: false,
    hints: ['authorization'],
  },
  { type: 'bearer-token', re: /\bBearer[ \t]+([A-Za-z0-9._~+/=-]{12,})/gi, group: 1, strict: true, hints: ['bearer'] },
  { type: 'password', re: /(?:^|\s)(?:-u|--user)[ \t=]+["']?[^\s:"']+:([^\s"'@]+)/g, group: 1, strict: false, hints: ['-u'] },
  { type: 'password', re: /\b(?:USER|ROLE|LOGIN)\b[^;\n]{0,200}?\bPASSWORD[ \t]+(?:=[ \t]*)?["']([^"'\n]+)["']/gi, group: 1, strict: false, hints: ['password'] },
  { type: 'password', re: /\bIDENTIFIED[ \t]+BY[ \t]+(?:PASSWORD[ \t]+)?["']([^"'\n]+)["']/gi, group: 1, strict: false, hints: ['identified'] },
  { type: 'password', re: /\b(?:jdbc:oracle:\w+:|sqlplus[ \t]+)[\w$#]+\/([^\s@]+)@/gi, group: 1, strict: false, hints: ['oracle', 'sqlplus'] },
  { type: 'password', re: /\bdocker[ \t]+login\b[^\n]{0,200}?[ \t](?:-p|--password)[ \t=]+["']?([^\s'"]{4,})/g, group: 1, strict: false, hints: ['docker'] },
  { type: 'password', re: /\bauth[ \t]*=[ \t]*\([ \t]*\\?["'][^"'\n]+["'][ \t]*,[ \t]*\\?["']([^"'\n\\]+)\\?["'][ \t]*\)/g, group: 1, strict: false, hints: ['auth'] },
  {
    type: KEYED,
    // Prose that puts a few words between the noun and the value: "the password for the staging DB is X".
    re: /\b(password|passphrase|passcode|secret|token|api key)\b[^.\n:;=]{1,40}?(?:\b(?:is|was|are|reads)[ \t]+|:[ \t]+)[`'"]?([^\s`'"]{8,})/gi,
    group: 2,
    strict: true,
    hints: ['password', 'passphrase', 'passcode', 'secret', 'token', 'api key'],
  },
  {
    type: KEYED,
    // Vendor keys with no fixed prefix, named in prose: "the PagerDuty integration key u+Zx…",
    // "Algolia admin key: Zk8m…". Only values that look machine-made (see isHighEntropy) count.
    re: /(?<=[A-Za-z])[ _-](key|token|secret|dsn)\b[ \t]*(?::[ \t]*|=[ \t]*|[ \t]+)\\?[`'"]?([^\s`'",;\\]{16,})/gi,
    group: 2,
    strict: true,
    hints: ['key', 'token', 'secret', 'dsn'],
    highEntropy: true,
  },
  {
    type: KEYED,
    // A flag and its value as separate items of a command array: ["--requirepass", "…"].
    re: /["']--?([\w-]*(?:pass(?:word)?|secret|token|api[_-]?key|auth))["'][ \t]*,[ \t]*["']([^"'\n]{4,})["']/gi,
    group: 2,
    strict: false,
    hints: ['pass', 'secret', 'token', 'key', 'auth'],
  },
  {
    type: KEYED,
    // The fallback of an environment lookup is the secret itself: os.getenv("SENDGRID_KEY", "…").
    re: /\b(?:getenv|environ\.get|ENV\.fetch|env)\(\s*["']([A-Za-z0-9_]*(?:KEY|TOKEN|SECRET|PASS(?:WORD)?|PWD|AUTH)[A-Za-z0-9_]*)["']\s*,\s*["']([^"'\n]{4,})["']/gi,
    group: 2,
    strict: false,
    hints: ['env'],
  },
  {
    type: 'password',
    // `user:password` written out for Basic auth or a login field: Buffer.from('ci:…'), btoa("…").
    re: /(?:auth|basic|login|cred|buffer\.from|btoa|b64|base64)[^\n]{0,40}?(["'])[\w.@+-]{1,64}:([^\s"':@]{6,128})\1/gi,
    group: 2,
    strict: true,
    hints: ['auth', 'basic', 'login', 'cred', 'buffer.from', 'btoa', 'b64', 'base64'],
  },
  { type: 'password', re: /\bsshpass[ \t]+-p[ \t]*["']?([^\s'"]{4,})/g, group: 1, strict: false, hints: ['sshpass'] },
  { type: 'password', re: /\bmysql(?:dump|admin)?\b[^\n]{0,200}?[ \t]-p([^\s'"]{4,})/g, group: 1, strict: true, hints: ['mysql'] },
  {
    type: 'secret',
    re: /<([\w:-]*(?:password|passwd|secret|token|apikey|api_key|accesskey))>([^<\n]{4,})<\/\1>/gi,
    group: 2,
    strict: false,
    hints: ['</'],
  },
  { type: 'secret', re: /\bkey\s*=\s*"[^"]*(?:password|secret|token|apikey|key)"\s+value\s*=\s*"([^"]{4,})"/gi, group: 1, strict: false, hints: ['value'] },
];

export function findOtherForms(text: string, lower: string, out: Redaction[]): void {
  for (const form of OTHER_FORMS) {
    // A cheap substring test skips most regexes on most texts.
    if (!form.hints.some((h) => lower.includes(h))) continue;
    form.re.lastIndex = 0;
    for (let m = form.re.exec(text); m; m = form.re.exec(text)) {
      // Sentence punctuation after a bare value belongs to the prose.
      const value = form.strict ? m[form.group].replace(/[.,;:)]+$/, '') : m[form.group];
      if (isPlaceholder(value) || (form.strict ? !looksRandom(value) : value.length < 4 || isCodeLike(value))) continue;
      if (form.highEntropy && !isHighEntropy(value)) continue;
      const start = m.index + m[0].lastIndexOf(value);
      const type = form.type === KEYED ? typeForKey(m[1], m[1]) : form.type;
      out.push({ type, start, end: start + value.length });
    }
  }
}

