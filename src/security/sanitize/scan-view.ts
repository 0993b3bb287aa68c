/**
 * Text that is itself a JSON-encoded string (chunk metadata, API examples) writes line breaks as
 * `\n`. Detectors see a same-length view where each such escape is a space plus a real newline, so
 * line-based and word-boundary rules work there too and offsets still point into the original.
 */
export function scanView(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\[nrt]/g, (esc) => (esc === '\\t' ? '  ' : ' \n'));
}
