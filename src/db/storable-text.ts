/**
 * Text as the databases can hold it. PostgreSQL rejects a NUL byte in TEXT (error 22021), so one
 * question carrying it was acked and never answered; other C0/C1 control characters carry no meaning
 * in a chat message and only confuse logs and terminals later. Tab, line feed and carriage return
 * stay; so does every printable character. Applied by every store to every string it writes, so
 * SQLite and PostgreSQL hold the same text.
 */
// C0 except \t \n \r, DEL, C1, and UTF-16 halves without their partner (not encodable as UTF-8).
const NON_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The same classes without the pairing rule: a cheap test first, since almost all text is clean. */
const MAYBE_NON_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]/;

export function storableText(text: string): string {
  return MAYBE_NON_TEXT.test(text) ? text.replace(NON_TEXT, '') : text;
}

/** A copy of the record with every string field made storable (nested values are left as they are). */
export function storableFields<T extends object>(record: T): T {
  const out = { ...record } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) if (typeof value === 'string') out[key] = storableText(value);
  return out as T;
}

/** Query parameters made storable: strings cleaned, everything else passed through. */
export function storableValues<T extends unknown[]>(values: T): T {
  return values.map((v) => (typeof v === 'string' ? storableText(v) : v)) as T;
}
