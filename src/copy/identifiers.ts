/**
 * Code in prose: identifiers (camelCase, PascalCase, snake_case, CONSTANT_CASE, dotted
 * members) turned into words, or kept as code where the brand voice asks for it; figures
 * written the way people read them ("400 ms", "10,000 rows"). Pure functions.
 */

export type IdentifierStyle = 'words' | 'code';

const FILE_EXTENSION = /\.(?:[cm]?[jt]sx?|d\.ts|json|md|mdx|ya?ml|toml|html?|css|scss|vue|svelte|py|rb|go|rs|java|kt|swift|sh|txt|lock|xml|sql|wasm)$/i;
/** Names people write with a dot: Node.js, Vue.js, ASP.NET. */
const DOTTED_BRAND = /^[A-Z][\w]*\.(?:js|ts|NET|io)$/;

const DOTTED = /(?<![\w.@/$-])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?(?![\w$])/g;
const CAMEL = /(?<![\w.@/$-])(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z]{2,}[a-z]+[A-Za-z0-9]*)(?:\(\))?(?![\w$])/g;
const SNAKE = /(?<![\w.@/$-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w$])/g;

/** True for a token a reader would see as code rather than a word. */
function isIdentifier(token: string): boolean {
  const t = token.replace(/\(\)$/, '');
  if (FILE_EXTENSION.test(t) || DOTTED_BRAND.test(t)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(t)) return !/^(?:[a-z]\.){1,3}[a-z]?$/i.test(t);
  if (/_/.test(t) && /^[A-Za-z][A-Za-z0-9_]*$/.test(t)) return true;
  return /^(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z]{2,}[a-z]+[A-Za-z0-9]*)$/.test(t);
}

/** All identifier tokens in a text: what the eval counts in headlines and captions. */
export function findIdentifiers(text: string): string[] {
  const found = [...(text.match(DOTTED) ?? []), ...(text.match(CAMEL) ?? []), ...(text.match(SNAKE) ?? [])];
  return Array.from(new Set(found.filter(isIdentifier)));
}

/** "generateCodeFrame" → "generate code frame"; "parseURLPath" → "parse URL path"; "FST_ERR_X" → "FST ERR X". */
function identifierWords(token: string): string {
  const t = token.replace(/\(\)$/, '');
  const parts = t
    .split(/[._$]+/)
    .filter((p) => p && p !== 'prototype')
    .flatMap((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(/\s+/));
  const constant = /^[A-Z0-9_]+$/.test(t);
  return parts
    .map((w) => {
      // An acronym inside a camelCase name (URL) keeps its capitals; in CONSTANT_CASE only short ones do.
      if (/^[A-Z0-9]{2,}$/.test(w)) return constant && w.length > 3 ? w.toLowerCase() : w;
      return w.toLowerCase();
    })
    .join(' ');
}

/** Backticked spans become plain text first: their content is then handled like any identifier. */
export function renderIdentifiers(text: string, style: IdentifierStyle): string {
  const plain = text
    .replace(/`([^`]*)`/g, '$1')
    .replace(/`/g, '')
    // "hasRequestDecorator/hasReplyDecorator": two names, not a path.
    .replace(/(?<![\w./])([A-Za-z_$][\w$]*)\/([A-Za-z_$][\w$]*)(?![\w/])/g, (m, a: string, b: string) => (isIdentifier(a) || isIdentifier(b) ? `${a} and ${b}` : m));
  const replace = (m: string) => {
    if (!isIdentifier(m)) return m;
    return style === 'code' ? `\`${m}\`` : identifierWords(m);
  };
  let out = plain.replace(DOTTED, replace);
  out = out.replace(CAMEL, (m, offset: number, whole: string) => (style === 'code' && whole[offset - 1] === '`' ? m : replace(m)));
  out = out.replace(SNAKE, (m, offset: number, whole: string) => (style === 'code' && whole[offset - 1] === '`' ? m : replace(m)));
  return out;
}

const SPACED_UNITS = 'ms|µs|us|ns|s|sec|secs|min|mins|h|hrs|KB|MB|GB|TB|kB|KiB|MiB|GiB|TiB|kb|mb|gb|tb|fps|rps|qps|req\\/s';
const NUMBER_THEN_UNIT = new RegExp(`(?<![\\w.])(\\d+(?:[.,]\\d+)?)(${SPACED_UNITS})(?![\\p{L}\\p{N}])`, 'gu');
/** Words after which a number is a code, not an amount. */
const CODE_CONTEXT = /(?:port|status|code|error|http|#|v|version|node|es|ecma|id|pid|line|rfc|iso|utf|sha)[\s:-]*$/i;

/** "400ms" → "400 ms"; "10000 rows" → "10,000 rows"; years, ports, versions and codes stay. */
export function formatFigures(text: string): string {
  let out = text.replace(NUMBER_THEN_UNIT, '$1 $2');
  out = out.replace(/(?<![\w.,#:/-])(\d{4,})(?![\w.,:/-]|\.\d)/g, (m, digits: string, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 12), offset);
    if (CODE_CONTEXT.test(before)) return m;
    if (digits.length === 4 && /^(?:19|20)\d\d$/.test(digits)) return m;
    if (digits.startsWith('0')) return m;
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  });
  return out;
}
