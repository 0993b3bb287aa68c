/**
 * Splits free text (a Slack `/copy` argument, CLI input or stdin) into commit messages.
 * Two shapes are accepted: full messages separated by a line holding only `---`, or a list
 * of subject lines, one per line. A single message with a body (subject, blank line, body)
 * stays one message.
 */
const SEPARATOR = /^[ \t]*-{3,}[ \t]*$/m;
const CONVENTIONAL_HEADER = /^\s*[a-z]+(?:\([^)]*\))?!?:\s+\S/i;
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;

export function splitCommitMessages(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (!normalised) return [];
  if (SEPARATOR.test(normalised)) {
    return normalised
      .split(/^[ \t]*-{3,}[ \t]*$/m)
      .map((m) => m.trim())
      .filter(Boolean);
  }
  const lines = normalised.split('\n').map((l) => l.trim());
  const nonEmpty = lines.filter(Boolean);
  if (nonEmpty.length <= 1) return nonEmpty;
  const hasBlankLine = lines.some((l) => l === '');
  // A list of subjects has no body paragraphs: either no blank lines at all, or every line
  // is itself a commit header (people paste lists with gaps).
  const everyLineIsAHeader = nonEmpty.every((l) => CONVENTIONAL_HEADER.test(l.replace(BULLET, '')));
  if (!hasBlankLine || everyLineIsAHeader) {
    // A one-line subject followed by body lines without a blank line is rare; a pasted list is common.
    return nonEmpty.map((l) => l.replace(BULLET, '').trim()).filter(Boolean);
  }
  return [normalised];
}
