/**
 * What of a commit message is the commit's own: trailers (Co-authored-by, Signed-off-by,
 * Fixes, Refs…), e-mail addresses, @handles, squash-merge lists of sub-commits and their
 * separators are bookkeeping about people and process, never release copy. Everything the
 * drafters and the fact inventory see passes through here first, so a name or an address
 * from a trailer can neither be written nor count as a traceable fact.
 */

/** Git trailers: `Token: value` lines (git interpret-trailers), plus the ticket keywords GitHub reads. */
const TRAILER_LINE =
  /^\s*(?:[A-Z][\w-]*-by|Co-authored-by|Signed-off-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Suggested-by|Helped-by|Cc|Change-Id|Fixes|Fix|Fixed|Closes|Close|Closed|Resolves|Resolve|Resolved|Refs?|References|See[- ]also|Related|Issue|PR-URL|Backport-PR-URL|Part-of|Depends-on)\s*:\s*\S.*$/i;
/** "Closes #12", "refs https://…", "fixes owner/repo#3" written without a colon. */
const TICKET_LINE = /^\s*(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?|refs?|see)\s+(?:(?:[\w.-]+\/[\w.-]+)?#\d+|https?:\/\/\S+)(?:[\s,]+(?:and\s+)?(?:(?:[\w.-]+\/[\w.-]+)?#\d+|https?:\/\/\S+))*\s*\.?$/i;
const EMAIL = /<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/g;
/** @handle, not a scoped package (@scope/name) and not part of an address. */
const HANDLE = /(?<![\w.@/])@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?![\w/@.-]*\/)\b/g;
const SEPARATOR_LINE = /^\s*(?:-{3,}|={3,}|\*{3,}|_{3,})\s*$/;
/** A squash item that is itself a commit header; once one is seen, the other "* " items are sub-commits too. */
const SQUASH_HEADER = /^\s*\*\s+(?:[a-z]+(?:\([^)]*\))?!?:\s|Merge\s|Revert\s|Apply suggestions?\b)/i;
const SQUASH_ITEM = /^\s*\*\s+\S/;
/** A bare commit id (7–40 hex digits with at least one letter and one digit). */
const COMMIT_ID = /(?<![\w/])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}(?![\w/])/g;

function isTrailerLine(line: string): boolean {
  return TRAILER_LINE.test(line) || TICKET_LINE.test(line);
}

/** Removes addresses, handles and commit ids from one line of prose. */
function stripPersonal(text: string): string {
  return text
    .replace(EMAIL, '')
    .replace(HANDLE, '')
    .replace(COMMIT_ID, '')
    // What is left of "(by @x)", "(@x, thanks!)", "(cc @x @y)" once the handles are gone.
    .replace(/\(\s*(?:[,;&]|\band\b|\bby\b|\bthanks(?: to)?\b|\bthank you\b|\bkudos\b|\bprops\b|\bcc\b|[!.\s])*\)/gi, '')
    .replace(/\b(?:thanks|thank you|props|kudos)\s+(?:to\s+)?(?:,\s*)*(?=[.!]|$)/gim, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+$/gm, '');
}

/**
 * The message without trailers, addresses, handles and squash bookkeeping. The header stays;
 * the body keeps its prose paragraphs and footer notes (BREAKING CHANGE).
 */
export function cleanCommitMessage(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  // GitHub's squash merge lists the sub-commits as "* subject" paragraphs: they repeat the
  // header, so from the first such item on only breaking notes are kept.
  let inSquashList = false;
  let squashSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i > 0 && (isTrailerLine(line) || SEPARATOR_LINE.test(line))) continue;
    if (/^BREAKING[ -]CHANGE/i.test(line)) {
      inSquashList = false;
    } else if (i > 0 && (SQUASH_HEADER.test(line) || (squashSeen && SQUASH_ITEM.test(line)))) {
      inSquashList = true;
      squashSeen = true;
    }
    if (inSquashList) continue;
    // A gitmoji in front of the header (":sparkles: feat: …", "✨ feat: …") hides the conventional type.
    const text = i === 0 ? line.replace(/^(?:\s*(?::[a-z0-9_+-]+:|\p{Extended_Pictographic}\uFE0F?))+\s*/u, '') : line;
    kept.push(stripPersonal(text));
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
