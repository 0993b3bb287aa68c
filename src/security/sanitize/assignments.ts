import { isCodeLike, isHighEntropy, isIdentifierShape, isPlaceholder, looksRandom } from './lookalikes.js';
import { findOtherForms, typeForKey } from './other-forms.js';
import type { Redaction } from './types.js';

/**
 * Secrets known by the name they are assigned to rather than their shape: `DB_PASSWORD=…`,
 * `"api_key": "…"`, `token: …`, `auth token: …`, `--password …`, `WITH PASSWORD '…'`,
 * `AccountKey=…;`, `sig=…`. The regex finds the key word and separator; the value is parsed in code
 * so quoting, escapes and line endings are handled in one place.
 */
const KEY_WORD_SOURCE =
  /(?:pass(?:word|wd|phrase)?|pwd|secret|token|(?:api|access|secret|private|account|auth|signing|encryption|master|license|subscription|shared|app|client|consumer|webhook|storage|service|primary|secondary|sas|encryption)[ _-]?key|apikey|credentials?|shared[ _-]?access[ _-]?signature|sig|session(?:[_-]?id)?|requirepass|masterauth|auth|key)(?:[_-]?(?:base|value|b64|base64|hex))?s?(?![A-Za-z0-9_])(?:\\*["'`]|\*\*|__)?(?:\])?([ \t]*(?:=>|:=|[:=]|\|)[ \t]*(?:\*\*|__)?[ \t]*|[ \t]+(?:is|was|to|as)[ \t]+(?:set[ \t]+to[ \t]+)?|[ \t]+)/.source;
// Run over a lower-cased copy (case-sensitive matching is faster); /i when lower-casing changes length.
const KEY_WORD = new RegExp(KEY_WORD_SOURCE, 'g');
const KEY_WORD_ANY_CASE = new RegExp(KEY_WORD_SOURCE, 'gi');

const LOOSE_WORD = /^(?:key|auth|session)(?:[_-]?(?:base|value|b64|base64|hex))?(?![A-Za-z0-9_])/i;

/**
 * Loose words ("key", "auth", "session") name credentials only in environment-variable style
 * (`MAPBOX_KEY`, `REDIS_AUTH`), as an `X-…-Key` header, or as a whole quoted JSON key (`"auth"`);
 * `group_key`, `sort key`, `public_key` and friends are data, not secrets.
 */
function looseKeyNamesCredential(text: string, keyStart: number, matched: string): boolean {
  const word = /^[A-Za-z_-]+/.exec(matched)?.[0] ?? '';
  const full = fullKeyBefore(text, keyStart) + word;
  if (/public/i.test(full)) return false;
  const prev = text[keyStart - 1] ?? '';
  if (full === word) return /["']/.test(prev) && !/^key$/i.test(word);
  return /^[A-Z0-9_]+_(?:KEY|AUTH|SESSION)\w*$/.test(full) || /^x-[\w-]+-key$/i.test(full);
}

/**
 * `token: "SLACK_BOT_TOKEN"`, `password: "password"`: a value that is the key's own name or an
 * environment variable's name is a reference, not a credential.
 */
function namesItself(value: string, keyStart: number, text: string, matched: string): boolean {
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && !/\d{3}/.test(value)) return true;
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const word = /^[A-Za-z_ -]+/.exec(matched)?.[0] ?? '';
  return norm(value) === norm(word) || norm(value) === norm(fullKeyBefore(text, keyStart) + word);
}

/** The key word must begin a word: after a non-letter, an underscore/dash, or as a camelCase hump. */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const prev = text[at - 1];
  if (!/[A-Za-z0-9]/.test(prev)) return true;
  if (/[a-z0-9]/.test(prev) && /[A-Z]/.test(text[at])) return true;
  // Glued upper-case env names: PGPASSWORD, MYSQLPWD, REDISPASS.
  return /[A-Z]/.test(prev) && /^[A-Z]{3}/.test(text.slice(at, at + 3));
}


/** Longest value we read: a PEM key in a JSON string fits; a runaway run does not make us quadratic. */
const MAX_VALUE = 8192;

interface ParsedValue {
  start: number;
  end: number;
  quoted: boolean;
}

/**
 * Reads the value that starts at `at`: a quoted string, also with escaped quotes as in JSON encoded
 * once or twice (`\"…\"`, `\\\"…\\\"`), or a bare word.
 */
function readValue(text: string, at: number, lineStart: boolean): ParsedValue | undefined {
  // `SECRET_KEY = ("…")` (Python's parenthesised literal) and TOML `"""…"""` / `'''…'''` strings.
  if (text[at] === '(' && /["']/.test(text[at + 1] ?? '')) at++;
  const triple = text.slice(at, at + 3);
  if (triple === '"""' || triple === "'''") {
    const close = text.indexOf(triple, at + 3);
    if (close < 0 || close - at > MAX_VALUE) return undefined;
    const inner = text.slice(at + 3, close);
    const lead = inner.length - inner.trimStart().length;
    return { start: at + 3 + lead, end: at + 3 + inner.trimEnd().length, quoted: true };
  }
  let slashes = 0;
  while (text[at + slashes] === '\\' && slashes < 8) slashes++;
  const q = text[at + slashes];
  if (q === '"' || q === "'" || q === '`') {
    const open = at + slashes + 1;
    const window = text.slice(open, open + MAX_VALUE);
    const closer = '\\'.repeat(slashes) + q;
    let close = window.indexOf(closer);
    // In a plain string an escaped quote (`\"`) is part of the value, not its end.
    while (slashes === 0 && close > 0 && window[close - 1] === '\\') close = window.indexOf(closer, close + 1);
    const nl = window.indexOf('\n');
    if (close < 0 || (nl >= 0 && nl < close)) return undefined;
    return { start: open, end: open + close, quoted: true };
  }
  // An env/ini line owns the rest of the line (passwords may hold `#`, `&`, `;`), up to " #comment"
  // or the quote that closes an enclosing JSON string; but a line that goes on as a sentence
  // ("Password: ask the on-call") is prose: take one word.
  if (lineStart) {
    const end = endOf(text, at, /[\r\n]| #|\\*"(?=[\s,}\]]|$)/g);
    if (!/\s/.test(text.slice(at, end).trimEnd())) return end > at ? { start: at, end, quoted: false } : undefined;
  }
  const end = endOf(text, at, /\\+["'`]|[\s"'`,;&<>()[\]{}|]/g);
  return end > at ? { start: at, end, quoted: false } : undefined;
}

/** End of a bare value, looking no further than MAX_VALUE so a huge unbroken run stays linear. */
function endOf(text: string, at: number, stop: RegExp): number {
  const window = text.slice(at, at + MAX_VALUE);
  stop.lastIndex = 0;
  const m = stop.exec(window);
  return at + (m ? m.index : window.length);
}

function isLineStartKey(text: string, keyStart: number): boolean {
  let i = keyStart - 1;
  while (i >= 0 && /[A-Za-z0-9_.-]/.test(text[i])) i--;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 6 && text.slice(i - 5, i + 1) === 'export') i -= 6;
  // A YAML list item (`- DB_PASSWORD=…` in a compose environment list) owns its line too.
  else if (i >= 0 && text[i] === '-' && (i === 0 || /[ \t\n]/.test(text[i - 1]))) i--;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
}

function fullKeyBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && /[A-Za-z0-9_.-]/.test(text[i - 1])) i--;
  return text.slice(i, at);
}

function findKeyedValues(text: string, lower: string, out: Redaction[]): void {
  const sameLength = lower.length === text.length;
  const re = sameLength ? KEY_WORD : KEY_WORD_ANY_CASE;
  const haystack = sameLength ? lower : text;
  re.lastIndex = 0;
  for (let m = re.exec(haystack); m; m = re.exec(haystack)) {
    const keyStart = m.index;
    const matched = text.slice(keyStart, keyStart + m[0].length);
    if (!startsWord(text, keyStart)) continue;
    const loose = LOOSE_WORD.test(matched);
    if (loose && !looseKeyNamesCredential(text, keyStart, matched)) continue;
    const sep = m[1];
    const weak = !/[:=|]/.test(sep);
    const tableCell = sep.includes('|');
    const keyWord = matched.slice(0, matched.length - sep.length).replace(/[\\"'`*_\]]+$/, '');
    const lineStart = !weak && !tableCell && /[:=]/.test(sep) && isLineStartKey(text, keyStart);
    const valueAt = keyStart + m[0].length;
    if (text[valueAt] === '[' && !weak && !tableCell) {
      arrayItems(text, valueAt, keyWord, fullKeyBefore(text, keyStart), out);
      continue;
    }
    const value = readValue(text, valueAt, lineStart);
    if (!value) continue;
    const raw = text.slice(value.start, value.end);
    // Sentence punctuation after a bare value belongs to the prose, not to the value.
    const v = value.quoted || lineStart ? raw.replace(/\s+$/, '') : raw.replace(/[.:,?]+$/, '');
    if (v.length < 4 || isPlaceholder(v) || namesItself(v, keyStart, text, matched)) continue;
    // A plural key (`max_tokens: 4096`, `secrets: enabled`) counts things unless its value looks made.
    if (/s$/i.test(keyWord) && !/(?:pass|credentials)$/i.test(keyWord) && !looksRandom(v)) continue;
    // "Primary key: (actor_id, film_id)" lists columns; no credential is a parenthesised identifier list.
    if (/^\(\s*[\w."]+(?:\s*,\s*[\w."]+)*\s*\)$/.test(v)) continue;
    // `key: #…` after a space is a YAML/shell comment, not a value.
    if (!value.quoted && v.startsWith('#') && /[ \t]$/.test(sep)) continue;
    if (loose && (!looksRandom(v) || isIdentifierShape(v))) continue;
    if (weak || tableCell) {
      if (/\s/.test(v) || !looksRandom(v) || isIdentifierShape(v)) continue;
    } else if (!value.quoted && isCodeLike(v)) {
      continue;
    }
    if (/^(?:https?|ftp):\/\//i.test(v) && !/:[^/@\s]+@/.test(v)) continue; // a URL, not a secret
    const type = v.startsWith('-----BEGIN') ? 'private-key' : typeForKey(keyWord, fullKeyBefore(text, keyStart) + keyWord);
    out.push({ type, start: value.start, end: value.start + v.length });
    re.lastIndex = Math.max(re.lastIndex, value.end);
  }
}

/** `tokens = ["…", "…"]` (TOML, YAML flow, Python lists): each machine-looking item is a secret. */
function arrayItems(text: string, open: number, keyWord: string, fullKey: string, out: Redaction[]): void {
  const window = text.slice(open, open + MAX_VALUE);
  const close = window.search(/\]|\n\s*\n/);
  const body = window.slice(0, close < 0 ? window.length : close);
  const item = /(["'])([^"'\n]{4,})\1/g;
  for (let m = item.exec(body); m; m = item.exec(body)) {
    if (isPlaceholder(m[2]) || !looksRandom(m[2])) continue;
    const start = open + m.index + 1;
    out.push({ type: typeForKey(keyWord, fullKey + keyWord), start, end: start + m[2].length });
  }
}

/** Generic words people type as the password of a local or example connection string. */
const GENERIC_PASSWORDS = /^(?:password|passwd|pass|pwd|pw|secret|changeme|admin|root|guest|test|user|postgres|mysql|redis|mongo|rabbitmq)$/i;
const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|host\.docker\.internal)(?::\d+)?(?:[/?#]|$)/i;

/** `scheme://user:password@host`: only the password is redacted, so the host stays searchable. */
function findUrlPasswords(text: string, out: Redaction[]): void {
  if (!text.includes('://')) return;
  const re = /:\/\/([^\s:/@'"`<>]{0,256}):([^\s/'"`<>]{0,256})@(?=([^\s'"`<>]{0,64}))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const pw = m[2];
    const start = m.index + 3 + m[1].length + 1;
    if (pw.length === 0 || isPlaceholder(pw) || GENERIC_PASSWORDS.test(pw)) continue;
    if (LOCAL_HOST.test(m[3]) && !looksRandom(pw)) continue;
    out.push({ type: 'password', start, end: start + pw.length });
  }
}

/** `https://<key>@host` (Sentry DSNs, git remotes with a token): a machine-made user part is a key. */
function findUrlUserTokens(text: string, out: Redaction[]): void {
  const re = /:\/\/([A-Za-z0-9_~.-]{16,256})@[A-Za-z0-9]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!isHighEntropy(m[1]) || isPlaceholder(m[1])) continue;
    out.push({ type: 'token', start: m.index + 3, end: m.index + 3 + m[1].length });
  }
}

/** A 40-character AWS secret access key standing alone near an AWS mention or access key id. */
function findLooseAwsSecrets(text: string, lower: string, out: Redaction[]): void {
  if (!lower.includes('aws') && !text.includes('AKIA') && !text.includes('ASIA')) return;
  const re = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = m[0];
    if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v) && !isPlaceholder(v)) {
      out.push({ type: 'aws-secret-key', start: m.index, end: m.index + 40 });
    }
  }
}

export function findAssignedSecrets(text: string): Redaction[] {
  const out: Redaction[] = [];
  const lower = text.toLowerCase();
  findKeyedValues(text, lower, out);
  findUrlPasswords(text, out);
  if (text.includes('://')) findUrlUserTokens(text, out);
  findOtherForms(text, lower, out);
  findLooseAwsSecrets(text, lower, out);
  if (lower.includes('cookie')) findCookieValues(text, out);
  return out;
}

/**
 * `Cookie:` and `Set-Cookie:` headers carry sessions under any name (`session=…`, `sid=…`,
 * `_gh_sess=…`): each cookie whose value looks random is a credential; flags and dates are not.
 */
function findCookieValues(text: string, out: Redaction[]): void {
  const header = /(?:^|[^A-Za-z0-9-])(?:set-)?cookie[ \t]*:[ \t]*([^\r\n"'`]+)/gi;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    let at = m.index + m[0].length - m[1].length;
    for (const part of m[1].split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) {
        const raw = part.slice(eq + 1);
        const value = raw.trim();
        const valueStart = at + eq + 1 + (raw.length - raw.trimStart().length);
        if (looksRandom(value)) out.push({ type: 'token', start: valueStart, end: valueStart + value.length });
      }
      at += part.length + 1;
    }
  }
}
