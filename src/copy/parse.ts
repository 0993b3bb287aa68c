import type { CommitParser as CommitParserType } from 'conventional-commits-parser';
import type { ParsedCommit } from './types.js';

/**
 * Conventional-commit parsing through conventional-commits-parser. The package is ESM-only
 * and our output is CommonJS, so it is loaded once with a dynamic import.
 */
let parserPromise: Promise<CommitParserType> | undefined;

function loadParser(): Promise<CommitParserType> {
  parserPromise ??= import('conventional-commits-parser').then(
    ({ CommitParser }) =>
      new CommitParser({
        // `feat!:` / `feat(scope)!:` mark a breaking change in the header itself.
        breakingHeaderPattern: /^(\w*)(?:\(([^()]*)\))?!: (.*)$/,
        // The default header pattern rejects scopes with spaces or slashes; accept any scope text.
        headerPattern: /^(\w*)(?:\(([^()]*)\))?!?: (.*)$/,
        noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
        // GitHub merge commits: the conventional header is on the next line.
        mergePattern: /^Merge pull request #(\d+) from (.*)$/,
        mergeCorrespondence: ['id', 'source'],
      }),
  );
  return parserPromise;
}

/** Types that rarely matter to users: skipped unless nothing else is left. */
const LOW_INTEREST_TYPES = new Set(['chore', 'ci', 'test', 'tests', 'build', 'style', 'refactor']);

/** Removes commit syntax from a description: PR references, backticks, a trailing period. */
export function cleanSummary(text: string): string {
  return text
    .replace(/\s*\((?:see\s+)?https?:\/\/[^)\s]*\)|\s*(?:see\s+)?https?:\/\/\S+/gi, '') // links belong in the changelog
    .replace(/^(?:\s*(?::[a-z0-9_+-]+:|\p{Extended_Pictographic}\uFE0F?))+\s*/u, '') // gitmoji prefixes
    .replace(/\s*\((?:[\w.-]+\/[\w.-]+)?#\d+\)/g, '') // "(#123)", "(owner/repo#123)"
    .replace(/(^|\s)(?:[\w.-]+\/[\w.-]+)?#\d+\b/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/`/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/[\s.;,:]+$/, '')
    .trim();
}

export async function parseCommitMessages(messages: string[]): Promise<ParsedCommit[]> {
  const parser = await loadParser();
  return messages.map((raw) => {
    const text = raw.replace(/\r\n?/g, '\n').trim();
    const c = parser.parse(text);
    const header = (c.header ?? text.split('\n')[0] ?? '').trim();
    const type = typeof c.type === 'string' && c.type ? c.type.toLowerCase() : null;
    // A revert describes the reverted commit: "revert "add dark mode"" without its type prefix.
    const reverted = c.revert && typeof c.revert.header === 'string' ? c.revert.header.replace(/^\w+(?:\([^)]*\))?!?:\s*/, '') : null;
    const subject = reverted ? `revert "${cleanSummary(reverted)}"` : type && typeof c.subject === 'string' ? c.subject : header;
    const notes = c.notes.filter((n) => /^BREAKING[ -]CHANGE$/i.test(n.title));
    const breaking = notes.length > 0 || /^\w+(?:\([^)]*\))?!:/.test(header);
    const references = Array.from(new Set(c.references.filter((r) => r.prefix === '#').map((r) => `#${r.issue}`)));
    return {
      raw: text,
      header,
      type,
      scope: typeof c.scope === 'string' && c.scope ? c.scope : null,
      summary: cleanSummary(subject),
      body: c.body ? c.body.trim() : null,
      breaking,
      // With `feat!:` and no footer the parser repeats the subject as the note; keep real notes only.
      breakingNotes: notes.map((n) => cleanSummary(n.text)).filter((t) => t && t !== cleanSummary(subject)),
      references,
    };
  });
}

/** The commits worth announcing: low-interest types drop out unless nothing else is left. */
const BRANCH_MERGE = /^Merge (?:branch|remote-tracking branch|tag|pull request) /;

export function selectNotable(commits: ParsedCommit[]): ParsedCommit[] {
  const notable = commits.filter((c) => c.breaking || (c.type ? !LOW_INTEREST_TYPES.has(c.type) : !BRANCH_MERGE.test(c.header)));
  return notable.length > 0 ? notable : commits;
}
