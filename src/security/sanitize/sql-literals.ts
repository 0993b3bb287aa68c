import { isCodeLike, isPlaceholder } from './lookalikes.js';
import { SECRET_HEADER } from './tables.js';
import type { Redaction } from './types.js';

/**
 * SQL literals judged by the column they belong to: `api_token text DEFAULT '…'` and
 * `COMMENT ON COLUMN t.secret IS '…'` (a one-word comment on a credential column is its value).
 * INSERT rows are handled with the other tables (tables.ts).
 */
// Also the rendered forms the SQL loader indexes: `- api_token: text, default '…'` and table JSON.
const COLUMN_DEFAULT = /^[ \t]*(?:-[ \t]+)?(?:ALTER[ \t]+COLUMN[ \t]+|ADD[ \t]+(?:COLUMN[ \t]+)?)?["`[]?([A-Za-z_][\w$]*)["`\]]?:?[ \t]+[^\n]*?\bDEFAULT[ \t]+(?:E|N)?'((?:[^'\n]|'')*)'/gim;
const COLUMN_JSON = /"name"[ \t]*:[ \t]*"([A-Za-z_][\w$]*)"[^{}]*?"(?:default|comment)"[ \t]*:[ \t]*"'?((?:[^"'\\]|\\.)*)'?"/g;
const COLUMN_COMMENT = /\bCOMMENT[ \t]+ON[ \t]+COLUMN[ \t]+(?:[\w"`]+\.)*["`]?([A-Za-z_][\w$]*)["`]?[ \t]+IS[ \t]+'((?:[^'\n]|'')*)'/gi;

function judged(value: string): boolean {
  return value.length >= 4 && !/\s/.test(value) && !isPlaceholder(value) && !isCodeLike(value);
}

function typeFor(column: string): string {
  if (/pass|pwd/i.test(column)) return 'password';
  if (/token/i.test(column)) return 'token';
  if (/key/i.test(column)) return 'api-key';
  return 'secret';
}

export function findSqlLiteralSecrets(text: string): Redaction[] {
  const out: Redaction[] = [];
  if (!/default|comment/i.test(text)) return out;
  for (const re of [COLUMN_DEFAULT, COLUMN_COMMENT, COLUMN_JSON]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!SECRET_HEADER.test(m[1]) || !judged(m[2])) continue;
      const start = m.index + m[0].lastIndexOf(m[2]);
      out.push({ type: typeFor(m[1]), start, end: start + m[2].length });
    }
  }
  return out;
}
