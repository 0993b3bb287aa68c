/**
 * Predicates that tell a real credential from text that only looks like one: documentation
 * placeholders, environment references and code expressions. Pure functions, used by every detector.
 */

/** Whole-value shapes that stand for "put your value here" or "read it from elsewhere". */
const PLACEHOLDER_SHAPE =
  /^(?:<[^>]*>|\[[^\]]*\]|\$\{\{?[^}]*\}\}?|\{\{[^}]*\}\}|\$\(?[A-Za-z_][A-Za-z0-9_]*\)?|%[A-Za-z_][A-Za-z0-9_]*%|%\(\w+\)s|%s|\?|:\w+|@\w+|!(?:vault|Ref|Sub|GetAtt|ImportValue|FindInMap|Join|Select|Secret|Env)\b.*|process\.env\b.*|os\.environ.*|os\.getenv.*|env\(.*|ENV\[.*|getenv\(.*|secrets?\.[\w.]+.*)$/;

/** Words that only appear in made-up or masked values. */
const PLACEHOLDER_WORD =
  /your|example|placeholder|changeme|change[_-]me|replace|dummy|sample|redacted|insert|fake|foobar|xxxx|\*{3}|\.{3}|…|<|>|\{\{|\$\{|TODO|FIXME|secret[_-]?here|token[_-]?here|key[_-]?here|goes[_-]?here|here$/i;

/** True when the value is a placeholder, masked value or reference rather than a credential. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_SHAPE.test(v)) return true;
  if (PLACEHOLDER_WORD.test(v)) return true;
  // One repeated character ("xxxxxxxx", "00000000", "********") is a mask, not a secret.
  if (/^(.)\1*$/.test(v)) return true;
  return false;
}

const TYPE_NAMES = new Set([
  'true', 'false', 'null', 'none', 'nil', 'undefined', 'yes', 'no', 'on', 'off', 'required', 'optional',
  'string', 'str', 'number', 'int', 'integer', 'bool', 'boolean', 'bytes', 'any', 'object', 'array', 'text',
  'int32', 'int64', 'uint32', 'uint64', 'float', 'double', 'varchar', 'password', 'secret', 'token', 'hidden',
]);

/**
 * An unquoted value that reads as code (`apiKey`, `config.token`, `getToken()`, `Optional[str]`) or a
 * type name rather than a literal. Random secrets almost always mix digits in, so a digit-free
 * identifier is code unless its letters alternate case like random text.
 */
export function isCodeLike(value: string): boolean {
  // A type annotation ends its statement (`password: string;`), may be an array or a union.
  const v = value.trim().replace(/[;,]$/, '');
  if (TYPE_NAMES.has(v.toLowerCase().replace(/(?:\[\])+$/, ''))) return true;
  if (/^\w+(?:\[\])?(?:\|\w+(?:\[\])?)+$/.test(v) && v.split('|').every((t) => TYPE_NAMES.has(t.replace(/\[\]$/, '').toLowerCase()))) return true;
  // A CLI flag or CSS custom property (`--color-token-primary`) names a thing; it holds no value.
  if (/^--[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/.test(v)) return true;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[([<]/.test(v)) return true; // call, index or generic
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(v) && !/\d/.test(v)) return !hasDenseCaseMix(v);
  return false;
}

/** Random base62 text has upper and lower case letters in similar amounts; words and camelCase do not. */
function hasDenseCaseMix(v: string): boolean {
  const upper = (v.match(/[A-Z]/g) ?? []).length;
  const lower = (v.match(/[a-z]/g) ?? []).length;
  const letters = upper + lower;
  return v.length >= 12 && letters > 0 && upper / letters >= 0.25 && upper / letters <= 0.75;
}

/**
 * For weak contexts (prose like "the password is X", whitespace-separated flags, table cells): accept
 * only values that look machine-generated, so ordinary words after "token" or "password" survive.
 */
export function looksRandom(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || /\s/.test(v) || isPlaceholder(v)) return false;
  const hasLetter = /[A-Za-z]/.test(v);
  const hasDigit = /\d/.test(v);
  const hasSymbol = /[^A-Za-z0-9_.\-/]/.test(v);
  if (!hasLetter) return false;
  if (/^v?\d+(?:\.\d+)+/.test(v)) return false; // versions
  if (/^(?:https?|ftp|file):/.test(v)) return false;
  if (hasDigit && (hasSymbol || /[A-Z]/.test(v) && /[a-z]/.test(v) || v.length >= 16)) return true;
  if (hasSymbol && /[A-Z]/.test(v) && /[a-z]/.test(v)) return true;
  return hasDenseCaseMix(v);
}

/**
 * Identifiers that prose mentions next to words like "token" without being credentials: UUIDs, git
 * SHAs and digests, ULIDs. Only consulted in weak contexts; `api_key: <hex>` is still a secret.
 */
export function isIdentifierShape(value: string): boolean {
  return (
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ||
    /^(?:sha\d+[:-])?[0-9a-f]{40}$|^(?:sha\d+[:-])?[0-9a-f]{64}$/i.test(value) ||
    /^sha\d+[:-]/i.test(value) ||
    /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value)
  );
}

/** Spans of `data:...;base64,...` URIs: embedded images are never credentials, whatever they contain. */
export function dataUriSpans(text: string): Array<[number, number]> {
  if (!text.includes('base64,')) return [];
  const spans: Array<[number, number]> = [];
  const re = /data:[\w.+-]+\/[\w.+-]+(?:;[\w-]+=[\w.-]+)*;base64,[A-Za-z0-9+/=]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/**
 * Stricter than looksRandom, for values with no key of their own (a vendor key after "integration
 * key" in prose, a URL's bare user part): long, letters and digits mixed, and close to random in
 * entropy. Words, versions, ids with a fixed shape stay.
 */
export function isHighEntropy(value: string): boolean {
  const v = value.trim();
  if (v.length < 16 || !looksRandom(v) || isIdentifierShape(v)) return false;
  if (!/\d/.test(v) || !/[A-Za-z]/.test(v)) return false;
  // A hex run has at most 4 bits a character; base62/64 text about 5 or more.
  return entropy(v) >= (/^[0-9a-f]+$/i.test(v) ? 3.2 : 3.6);
}
