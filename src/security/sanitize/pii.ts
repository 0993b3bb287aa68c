import { isIP } from 'node:net';
import type { Redaction } from './types.js';

/** Personal data: e-mail addresses, formatted phone numbers, routable IP addresses, card numbers. */

// File extensions that follow `name@2x` in asset names are not top-level domains.
const NOT_TLD = /^(?:png|jpe?g|gif|svg|webp|ico|js|mjs|cjs|ts|tsx|css|scss|map|json|md|html?|txt|ya?ml|lock|zip|tgz)$/i;

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
// Characters that glue an `x@host` run to a password (`T1ger$2024@db…`) rather than start an address.
const NOT_BEFORE_EMAIL = /[$!#^~\\]/;
const DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+([A-Za-z]{2,24})(?![A-Za-z0-9-])/y;

/** Walks from each `@` instead of running one big regex: `@` is rare, and this is the hot path. */
function findEmails(text: string, out: Redaction[]): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1])) start--;
    while (start < at && !/[A-Za-z0-9]/.test(text[start])) start++;
    if (start === at || (start > 0 && NOT_BEFORE_EMAIL.test(text[start - 1]))) continue;
    DOMAIN.lastIndex = at + 1;
    const m = DOMAIN.exec(text);
    if (!m || NOT_TLD.test(m[1])) continue;
    const end = at + 1 + m[0].length;
    // `git@github.com:org/repo.git` is an SSH remote, not a person.
    if (text.startsWith('git@', start) && text[end] === ':') continue;
    // `scheme://user:pass@host`: the host of a connection string is not an address book entry.
    const wordStart = Math.max(text.lastIndexOf(' ', start), text.lastIndexOf('\n', start));
    if (text.slice(wordStart + 1, start).includes('://')) continue;
    out.push({ type: 'email', start, end });
  }
}

/**
 * Phone numbers only in formatted shapes: international (`+44 20 7922 1588`, `+1-202-555-0143`),
 * North American (`(415) 555-0100`, `415-555-0100`), and trunk-prefixed national (`020 7946 0958`).
 * A bare run of digits is never a phone number here: it is far more often a record id.
 */
const PHONE_PATTERNS: RegExp[] = [
  /(?<![\w+.-])\+\d{1,3}(?:[ .-]?\(\d{1,4}\)[ .-]?\d{1,8}|[ .-]\d{1,8}){1,6}(?![\w.-]?\d)/g,
  /(?<![\w+.-])\+\d{10,15}(?![\w.-]?\d)/g,
  /(?<![\w.+-])(?:1[-. ])?(?:\(\d{3}\)[ ]?|\d{3}([-. ]))\d{3}(?:-|\1)\d{4}(?![\w-]|\.\d)/g,
  /(?<![\w.+-])\(?0\d{1,4}\)?(?:[ -]\d{2,8}){1,4}(?![\w-]|\.\d)/g,
];

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

function findPhones(text: string, out: Redaction[]): void {
  for (const re of PHONE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const digits = digitCount(m[0]);
      if (digits < 9 || digits > 15) continue;
      // ISO dates and times are made of the same characters.
      if (/^\d{4}-\d{2}-\d{2}/.test(m[0])) continue;
      out.push({ type: 'phone', start: m.index, end: m.index + m[0].length });
    }
  }
}

/**
 * Loopback, unspecified, broadcast/netmask and documentation ranges carry no information; private
 * (RFC 1918), carrier-grade NAT and link-local ranges name no one outside the network: only public
 * addresses are personal data.
 */
function isHarmlessIPv4(ip: string): boolean {
  return /^(?:127\.|0\.|255\.|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/.test(ip);
}

/**
 * A private address is still redacted as the value of a host setting (`DB_HOST=10.0.3.17`,
 * `"HOST": "10.4.0.12"`): there it maps the service a nearby credential opens.
 */
function isHostSetting(before: string): boolean {
  return /(?:host|hostname|addr|address|server|endpoint|ip)["']?[ \t]*[:=][ \t]*["']?$/i.test(before);
}

function isPrivateIPv4(ip: string): boolean {
  return /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/.test(ip);
}

function isHarmlessIPv6(ip: string): boolean {
  const lower = ip.toLowerCase();
  return lower === '::' || lower === '::1' || /^2001:0?db8:/.test(lower) || /^0*:0*:0*:0*:0*:0*:0*:0*1?$/.test(lower);
}

function findIps(text: string, out: Redaction[]): void {
  // Not after `-` or `#`: `#section-6.2.2.1` is an anchor, `release-1.2.3.4` a tag.
  const v4 = /(?<![\w.#-])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
  for (let m = v4.exec(text); m; m = v4.exec(text)) {
    if (isIP(m[0]) !== 4) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (isHarmlessIPv4(m[0]) && !(isPrivateIPv4(m[0]) && isHostSetting(before))) continue;
    // Four-part version numbers (.NET assemblies, Windows builds) have the same shape.
    if (/(?:version|release|build|\bver\.?|\bv)["'(:= \t]*$/i.test(before)) continue;
    out.push({ type: 'ip-address', start: m.index, end: m.index + m[0].length });
  }
  findIpv6(text, out);
}

const HEX_OR_COLON = /[0-9A-Fa-f:]/;

/**
 * IPv6 candidates are grown around a `:hex:` seed (a literal-led regex is cheap; one that may start
 * anywhere is not), then validated by node:net. Code like `std::vector` or `A::B` is rejected by the
 * word-boundary and digit checks.
 */
function findIpv6(text: string, out: Redaction[]): void {
  const seed = /:[0-9A-Fa-f]{0,4}:/g;
  for (let m = seed.exec(text); m; m = seed.exec(text)) {
    let start = m.index;
    while (start > 0 && HEX_OR_COLON.test(text[start - 1])) start--;
    let end = m.index + m[0].length;
    while (end < text.length && (HEX_OR_COLON.test(text[end]) || text[end] === '.')) end++;
    seed.lastIndex = end;
    let ip = text.slice(start, end).replace(/\.+$/, '');
    if (ip.endsWith(':') && !ip.endsWith('::')) ip = ip.slice(0, -1);
    if (start > 0 && /[\w.]/.test(text[start - 1])) continue;
    if (/\w/.test(text[start + ip.length] ?? '')) continue;
    if (isIP(ip) !== 6 || isHarmlessIPv6(ip) || !/\d/.test(ip)) continue;
    const groups = ip.split(':').filter((g) => g !== '').length;
    if (ip.includes('::') ? groups < 2 : groups < 8) continue;
    out.push({ type: 'ip-address', start, end: start + ip.length });
  }
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes of the major card networks, so random Luhn-valid ids are mostly left alone. */
const CARD_ISSUER = /^(?:4|5[1-5]|2[2-7]|3[47]|3(?:0[0-5]|[68])|6(?:011|5|4[4-9]|22)|35(?:2[89]|[3-8]))/;

function findCards(text: string, out: Redaction[]): void {
  const re = /(?<![\w.-])\d{4}(?:[ -]?\d{2,7}){2,4}(?![\w-]|\.\d)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    // Unseparated, only the common 15/16-digit lengths: 17–19-digit runs are mostly snowflake ids.
    if (digits === m[0] && digits.length !== 15 && digits.length !== 16) continue;
    if (!CARD_ISSUER.test(digits) || !luhnValid(digits)) continue;
    out.push({ type: 'card-number', start: m.index, end: m.index + m[0].length });
  }
}

/**
 * US Social Security numbers, only where the line says so ("SSN", "social security"): the bare
 * NNN-NN-NNNN shape is also a part number or a date-like id elsewhere.
 */
function findSsns(text: string, out: Redaction[]): void {
  if (!/ssn|social[ -]security/i.test(text)) return;
  const re = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (/ssn|social[ -]security/i.test(line)) out.push({ type: 'ssn', start: m.index, end: m.index + m[0].length });
  }
}

export function findPii(text: string): Redaction[] {
  const out: Redaction[] = [];
  findEmails(text, out);
  findPhones(text, out);
  findIps(text, out);
  findCards(text, out);
  findSsns(text, out);
  return out;
}
