import { isCodeLike, isPlaceholder } from './lookalikes.js';
import type { Redaction } from './types.js';

/**
 * Values that sit in a column named for a credential, away from their label: Markdown tables,
 * CSV with a header row, and SQL `INSERT INTO t (…, password, …) VALUES (…)`.
 *
 * Markdown tables whose header names a credential column (`| Service | Login | Password |`): the
 * value sits rows below its label, out of reach of `key: value` rules, so redact that column's cells.
 */
export const SECRET_HEADER =
  /^(?:[\w-]+[ _-])*(?:pass(?:word|wd|phrase)?|pwd|secret|token|(?:api|access|secret|private|account|signing|encryption|master|license|subscription|shared|client|consumer|webhook|storage|sas|hmac|auth)[ _-]?key|credentials?)s?(?:[ _-]?(?:hash|digest|encrypted|enc|value))?$/i;
/**
 * Columns that hold personal data under their header: the value is judged by a shape check of its
 * own (a date, something address-like), so a `dob` column of `n/a` stays.
 */
const PII_COLUMNS: Array<{ header: RegExp; type: string; fits: (v: string) => boolean }> = [
  { header: /^(?:[\w]+[ _-])?(?:dob|date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|born(?:[ _-]on)?)$/i, type: 'date-of-birth', fits: isDateLike },
  { header: /^(?:(?:home|street|postal|mailing|billing|shipping|residential|physical|customer|user)[ _-]?)?(?:address|addr)(?:[ _-]?line[ _-]?\d)?$|^street$/i, type: 'street-address', fits: looksLikeAddress },
  { header: /^(?:iban|bank[ _-]?account(?:[ _-]?(?:number|no))?|account[ _-]?number)$/i, type: 'iban', fits: (v) => /\d{6}/.test(v.replace(/[\s-]/g, '')) },
  { header: /^(?:(?:home|work|mobile|cell)[ _-]?)?(?:phone|mobile|cell|telephone|tel)(?:[ _-]?(?:number|no))?$/i, type: 'phone', fits: (v) => { const d = v.replace(/\D/g, '').length; return d >= 7 && d <= 15; } },
];

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_SHAPE = new RegExp(`^(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})$`, 'i');

export function isDateLike(v: string): boolean {
  return DATE_SHAPE.test(v.trim());
}

/** A house number or postcode and some words: `221B Baker Street, London NW1 6XE`. */
export function looksLikeAddress(v: string): boolean {
  const t = v.trim();
  return t.length >= 8 && t.length <= 160 && /\d/.test(t) && /[A-Za-z]{3}/.test(t) && /\s/.test(t) && !/[@/=<>{}]|:\/\//.test(t);
}

export function piiColumn(header: string): { type: string; fits: (v: string) => boolean } | undefined {
  const h = header.trim().replace(/[*`"]/g, "");
  return PII_COLUMNS.find((c) => c.header.test(h));
}

const SEPARATOR_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function typeForHeader(header: string): string {
  if (/pass|pwd/i.test(header)) return 'password';
  if (/token/i.test(header)) return 'token';
  if (/key/i.test(header)) return 'api-key';
  return 'secret';
}

function cells(line: string, lineStart: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let i = line.indexOf('|');
  if (i < 0) return out;
  while (i < line.length) {
    const next = line.indexOf('|', i + 1);
    if (next < 0) break;
    out.push({ text: line.slice(i + 1, next), start: lineStart + i + 1 });
    i = next;
  }
  return out;
}

export function findTableSecrets(text: string): Redaction[] {
  const out: Redaction[] = [];
  if (!text.includes('|')) return out;
  const lines = text.split('\n');
  const starts: number[] = [];
  let pos = 0;
  for (const l of lines) {
    starts.push(pos);
    pos += l.length + 1;
  }
  for (let h = 0; h + 1 < lines.length; h++) {
    if (!lines[h].includes('|') || !SEPARATOR_ROW.test(lines[h + 1])) continue;
    const header = cells(lines[h], starts[h]);
    const secretCols = header.map((c, i) => (SECRET_HEADER.test(c.text.trim().replace(/[*_`]/g, '')) ? i : -1)).filter((i) => i >= 0);
    const piiCols = header.map((c, i) => [i, piiColumn(c.text)] as const).filter((p) => p[1] !== undefined);
    if (secretCols.length === 0 && piiCols.length === 0) continue;
    for (let r = h + 2; r < lines.length && lines[r].includes('|'); r++) {
      const row = cells(lines[r], starts[r]);
      for (const [col] of piiCols) if (row[col]) pushCell(out, row[col], header[col].text);
      for (const col of secretCols) {
        const cell = row[col];
        if (!cell) continue;
        const lead = cell.text.length - cell.text.trimStart().length;
        const value = cell.text.trim().replace(/^`(.*)`$/, '$1');
        if (value.length < 4 || /\s/.test(value) || isPlaceholder(value) || isCodeLike(value)) continue;
        const start = cell.start + lead + cell.text.trim().indexOf(value);
        out.push({ type: typeForHeader(header[col].text), start, end: start + value.length });
      }
    }
  }
  return out;
}

function cellValueIsSecret(value: string): boolean {
  return value.length >= 4 && !/\s/.test(value) && !isPlaceholder(value) && !isCodeLike(value) && !/^null$/i.test(value);
}

/** Splits `a, 'b, c', d` on top-level commas, keeping each part's offset. */
function splitTopLevel(list: string, offset: number): Array<{ text: string; start: number }> {
  const parts: Array<{ text: string; start: number }> = [];
  let quote = '';
  let from = 0;
  for (let i = 0; i <= list.length; i++) {
    const c = list[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === ',' || i === list.length) {
      parts.push({ text: list.slice(from, i), start: offset + from });
      from = i + 1;
    }
  }
  return parts;
}

/** Redacts one cell of a column named for a secret or for personal data, if its value fits. */
function pushCell(out: Redaction[], cell: { text: string; start: number }, header: string): void {
  const lead = cell.text.length - cell.text.trimStart().length;
  const trimmed = cell.text.trim();
  const unquoted = trimmed.replace(/^(["'`])(.*)\1$/, '$2');
  const pii = piiColumn(header);
  if (pii) {
    if (!pii.fits(unquoted)) return;
    const start = cell.start + lead + trimmed.indexOf(unquoted);
    out.push({ type: pii.type, start, end: start + unquoted.length });
    return;
  }
  if (!cellValueIsSecret(unquoted)) return;
  const start = cell.start + lead + trimmed.indexOf(unquoted);
  out.push({ type: typeForHeader(header), start, end: start + unquoted.length });
}

const SQL_INSERT = /\binsert\s+into\s+[\w."`\[\]]+\s*\(([^()]{1,2000})\)\s*values\s*/gi;

export function findSqlInsertSecrets(text: string): Redaction[] {
  const out: Redaction[] = [];
  if (!/insert/i.test(text)) return out;
  SQL_INSERT.lastIndex = 0;
  for (let m = SQL_INSERT.exec(text); m; m = SQL_INSERT.exec(text)) {
    const columns = splitTopLevel(m[1], 0).map((c) => c.text.trim().replace(/[`"[\]]/g, ''));
    const secretCols = columns.map((c, i) => (SECRET_HEADER.test(c) || piiColumn(c) ? i : -1)).filter((i) => i >= 0);
    // A settings table (`name`, `value`): the name cell of each row says whether its value is a secret.
    const nameCol = columns.findIndex((c) => /^(?:name|key|setting|param(?:eter)?|option|config_key)$/i.test(c));
    const valueCol = columns.findIndex((c) => /^(?:value|val|setting_value|config_value)$/i.test(c));
    const keyValue = nameCol >= 0 && valueCol >= 0;
    if (secretCols.length === 0 && !keyValue) continue;
    // Every parenthesised row after VALUES: (…), (…);
    const rows = /\(([^()]{0,4000})\)\s*(,|;|$)?/y;
    rows.lastIndex = m.index + m[0].length;
    for (let r = rows.exec(text); r; r = rows.exec(text)) {
      const cells = splitTopLevel(r[1], r.index + 1);
      for (const col of secretCols) if (cells[col]) pushCell(out, cells[col], columns[col]);
      const name = keyValue ? cells[nameCol]?.text.trim().replace(/^(["'])(.*)\1$/, '$2') : undefined;
      if (name && cells[valueCol] && SECRET_HEADER.test(name)) pushCell(out, cells[valueCol], name);
      if (r[2] !== ',') break;
      while (/\s/.test(text[rows.lastIndex] ?? '')) rows.lastIndex++;
    }
  }
  return out;
}

/** CSV with a header row naming a credential column; cells are split naively on top-level commas. */
export function findCsvSecrets(text: string): Redaction[] {
  const out: Redaction[] = [];
  const firstNl = text.indexOf('\n');
  if (firstNl < 0 || !text.slice(0, firstNl).includes(',')) return out;
  const header = splitTopLevel(text.slice(0, firstNl), 0).map((c) => c.text.trim().replace(/^"(.*)"$/, '$1'));
  const secretCols = header.map((c, i) => (SECRET_HEADER.test(c) || piiColumn(c) ? i : -1)).filter((i) => i >= 0);
  if (secretCols.length === 0 || header.length < 2) return out;
  let pos = firstNl + 1;
  while (pos < text.length) {
    const end = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
    const cells = splitTopLevel(text.slice(pos, end).replace(/\r$/, ''), pos);
    if (cells.length === header.length) for (const col of secretCols) pushCell(out, cells[col], header[col]);
    pos = end + 1;
  }
  return out;
}
