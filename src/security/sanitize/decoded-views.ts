import { isPlaceholder, looksRandom } from './lookalikes.js';
import type { Detector, Redaction } from './types.js';

/**
 * Secrets written in a form the detectors cannot read directly: URL-encoded (`%3D`), base64 of
 * printable text (a Kubernetes value, a Basic auth pair, `echo … | base64 -d`), or split over
 * adjacent string literals (`"sk_live_" + "…"`, Python's `("a" "b")`). Each is decoded into a view
 * with a map back to the original offsets, scanned by the same detectors, and what they find is
 * redacted in the original.
 */

interface View {
  text: string;
  /** Original offset of each view character, plus one entry for the end. */
  map: number[];
}

function mapBack(view: View, found: Redaction[], from: number, to: number, out: Redaction[], type?: string): void {
  for (const r of found) {
    if (r.end <= from || r.start >= to) continue;
    const s = Math.max(r.start, from);
    const e = Math.min(r.end, to);
    out.push({ type: type ?? r.type, start: view.map[s], end: view.map[e] });
  }
}

const PERCENT = /%[0-9A-Fa-f]{2}/g;
const TOKEN_STOP = /[\s"'<>`]/;

function urlDecodedView(token: string, offset: number): View {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < token.length; ) {
    const m = /^%([0-9A-Fa-f]{2})/.exec(token.slice(i, i + 3));
    map.push(offset + i);
    if (m) {
      text += String.fromCharCode(parseInt(m[1], 16));
      i += 3;
    } else {
      text += token[i];
      i++;
    }
  }
  map.push(offset + token.length);
  return { text, map };
}

function urlDecoded(text: string, detect: Detector, out: Redaction[]): void {
  if (!text.includes('%')) return;
  // Seek each escape, then grow to the surrounding token: cheaper than a regex that may start anywhere.
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(text); m; m = PERCENT.exec(text)) {
    let start = m.index;
    while (start > 0 && !TOKEN_STOP.test(text[start - 1])) start--;
    let end = m.index + 3;
    while (end < text.length && !TOKEN_STOP.test(text[end])) end++;
    PERCENT.lastIndex = end;
    const view = urlDecodedView(text.slice(start, end), start);
    // `?a=1&b=2` decodes to separate fields; a space keeps word-boundary rules apart.
    mapBack(view, detect(view.text.replace(/[?&]/g, ' ')), 0, view.text.length, out);
  }
}

/** 1 for base64 characters, 2 for characters that glue a run to a longer token (`=`, `_`, `-`). */
const B64_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/]/.test(ch)) B64_CLASS[c] = 1;
  else if (/[=_-]/.test(ch)) B64_CLASS[c] = 2;
}

/** Runs of 16+ base64 characters (plus `=` padding) standing alone; a table walk, as this runs on every text. */
function base64Runs(text: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 128 || B64_CLASS[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && text.charCodeAt(i) < 128 && B64_CLASS[text.charCodeAt(i)] === 1) i++;
    let end = i;
    while (end < text.length && end - i < 2 && text[end] === '=') end++;
    const glued = (start > 0 && text.charCodeAt(start - 1) < 128 && B64_CLASS[text.charCodeAt(start - 1)] !== 0) || (end < text.length && text.charCodeAt(end) < 128 && B64_CLASS[text.charCodeAt(end)] !== 0);
    if (!glued && i - start >= 16 && (end - start) % 4 === 0) runs.push([start, end]);
    // Skip the rest of a glued token so its tail is not taken for a run of its own.
    while (end < text.length && text.charCodeAt(end) < 128 && B64_CLASS[text.charCodeAt(end)] !== 0) end++;
    i = Math.max(end, i + 1);
  }
  return runs;
}

/** Decoded text when `b64` is base64 of printable text; undefined for binary (images, hashes, keys). */
function printableBase64(b64: string): string | undefined {
  // Base64 of text mixes cases and (nearly always) digits; words, paths and identifiers do not.
  if (!/[0-9+=]/.test(b64) || !/[A-Z]/.test(b64) || !/[a-z]/.test(b64)) return undefined;
  // Binary (hashes, keys, images) shows in the first bytes: decode those before the whole run.
  // eslint-disable-next-line no-control-regex
  if (!/^[\x20-\x7e\t\r\n]+$/.test(Buffer.from(b64.slice(0, 8), 'base64').toString('latin1'))) return undefined;
  const decoded = Buffer.from(b64, 'base64').toString('latin1');
  if (decoded.length < 6) return undefined;
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e\t\r\n]+$/.test(decoded) ? decoded : undefined;
}

function base64Decoded(text: string, detect: Detector, out: Redaction[]): void {
  for (const [start, end] of base64Runs(text)) {
    const decoded = printableBase64(text.slice(start, end));
    if (!decoded) continue;
    // A Basic-auth pair `user:password`, or anything the detectors find in the decoded text: the
    // whole encoded run goes, since base64 does not map characters one to one.
    const pair = /^[^:\s]{1,64}:(\S{4,})$/.exec(decoded);
    const basicAuth = pair !== null && !isPlaceholder(pair[1]) && (looksRandom(pair[1]) || /\d/.test(pair[1]));
    const found = basicAuth ? [] : detect(decoded);
    if (basicAuth || found.length > 0) out.push({ type: basicAuth ? 'basic-auth' : `encoded-${found[0].type}`, start, end });
  }
}

const LITERAL = /(["'])((?:(?!\1)[^\\\n])*)\1/g;

/**
 * Runs of adjacent literals joined by `+` (JS, Java, Python) or by whitespace alone (Python, C), as
 * one literal in a view of their line, so `KEY = "ab" + "cd"` reads as `KEY = "abcd"`.
 */
function joinedLiterals(text: string, detect: Detector, out: Redaction[]): void {
  if (!/["'][ \t]*\+?[ \t]*["']/.test(text)) return;
  LITERAL.lastIndex = 0;
  let run: RegExpExecArray[] = [];
  const flush = () => {
    if (run.length >= 2) scanJoined(text, run, detect, out);
    run = [];
  };
  for (let m = LITERAL.exec(text); m; m = LITERAL.exec(text)) {
    const prev = run[run.length - 1];
    const gap = prev ? text.slice(prev.index + prev[0].length, m.index) : '';
    if (prev && gap !== '' && /^[ \t]*(?:\+[ \t]*)?(?:\r?\n[ \t]*)?(?:\+[ \t]*)?$/.test(gap)) run.push(m);
    else {
      flush();
      run = [m];
    }
  }
  flush();
}

function scanJoined(text: string, run: RegExpExecArray[], detect: Detector, out: Redaction[]): void {
  const lineStart = text.lastIndexOf('\n', run[0].index) + 1;
  const quote = run[0][1];
  let view = text.slice(lineStart, run[0].index) + quote;
  const map: number[] = [];
  for (let i = lineStart; i <= run[0].index; i++) map.push(i);
  const from = view.length;
  for (const piece of run) {
    const at = piece.index + 1;
    for (let i = 0; i < piece[2].length; i++) map.push(at + i);
    view += piece[2];
  }
  const to = view.length;
  const last = run[run.length - 1];
  map.push(last.index + last[0].length - 1, last.index + last[0].length);
  view += quote;
  mapBack({ text: view, map }, detect(view), from, to, out);
}

export function findDecodedSecrets(text: string, detect: Detector): Redaction[] {
  const out: Redaction[] = [];
  urlDecoded(text, detect, out);
  base64Decoded(text, detect, out);
  joinedLiterals(text, detect, out);
  return out;
}
