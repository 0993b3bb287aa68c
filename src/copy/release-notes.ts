import type { ParsedCommit } from './types.js';

/**
 * Which commits users care about and under which heading: breaking / new / improved / fixed.
 * Chores, CI, tests, refactors, docs, style, dependency and version bumps, reverts and merge
 * commits are not user-facing; a breaking change always is, whatever its type.
 */

export type NoteKind = 'breaking' | 'new' | 'improved' | 'fixed';

const NOTE_ORDER: NoteKind[] = ['breaking', 'new', 'improved', 'fixed'];

export const NOTE_HEADING: Record<NoteKind, string> = {
  breaking: 'Breaking changes',
  new: 'New',
  improved: 'Improved',
  fixed: 'Fixed',
};

const HIDDEN_TYPES = new Set(['chore', 'ci', 'test', 'tests', 'build', 'style', 'refactor', 'docs', 'doc', 'revert', 'release', 'wip', 'deps', 'dependencies', 'bump', 'lint', 'format', 'typo']);
const MERGE = /^Merge (?:branch|remote-tracking branch|tag|pull request|commit|changes) /i;
const REVERT = /^(?:revert\b|Revert ")/i;
/** "Bumped v6.0.0", "Release 1.2.0", "v2.3.1", "chore(release): 1.2.0", "1.2.0". */
const VERSION_BUMP = /^(?:(?:bump(?:ed)?|release[ds]?|releasing|prepare|publish(?:ed)?|version)\b[^\n]*?\bv?\d+(?:\.\d+)+|v?\d+(?:\.\d+){1,3}(?:-[\w.]+)?\s*$)/i;
/** "bump lodash from 1 to 2", "update esbuild to 0.18.10", "upgrade undici v8", "update dependency x". */
const DEPENDENCY_BUMP =
  /^(?:bump|update|upgrade|pin|downgrade)\s+(?:the\s+)?(?:dependency\s+|dependencies\b|deps\b|dev-?dependencies\b|[@\w./-]+\s+(?:(?:from\s+\S+\s+)?to\s+|v)?v?\d+(?:\.\d+)*(?:-[\w.]+)?\s*$|[@\w./-]+\s+from\s+)/i;
const DEPENDENCY_SCOPE = /^(?:deps|deps-dev|dependencies|dependabot|renovate|lockfile|release)$/i;

const NEW_VERBS = /^(?:add|adds|added|introduce[sd]?|implement(?:s|ed)?|support(?:s|ed)?|allow(?:s|ed)?|enable[sd]?|expose[sd]?|provide[sd]?|create[sd]?|new)\b/i;
const FIX_VERBS = /^(?:fix(?:es|ed)?|resolve[sd]?|prevent(?:s|ed)?|correct(?:s|ed)?|repair(?:s|ed)?|handle[sd]?|avoid(?:s|ed)?|restore[sd]?|bugfix)\b/i;

/** Null when the commit is not user-facing. */
function noteKindOf(c: ParsedCommit): NoteKind | null {
  if (c.breaking) return 'breaking';
  const header = c.header.trim();
  if (MERGE.test(header) || REVERT.test(header) || c.type === 'revert') return null;
  if (VERSION_BUMP.test(c.summary) || VERSION_BUMP.test(header)) return null;
  if (c.scope && DEPENDENCY_SCOPE.test(c.scope)) return null;
  if (DEPENDENCY_BUMP.test(c.summary)) return null;
  if (c.type && HIDDEN_TYPES.has(c.type)) return null;
  if (c.type === 'feat' || c.type === 'feature') return 'new';
  if (c.type === 'fix' || c.type === 'bugfix' || c.type === 'hotfix' || c.type === 'security') return 'fixed';
  if (c.type === 'perf') return 'improved';
  // Not conventional and about documentation ("Update Write-Plugin.md", "Fix typo in README").
  if (!c.type && /\.(?:md|mdx|rst|adoc|txt)\b|\b(?:docs?|documentation|readme|changelog|typos?|contributing|code of conduct)\b/i.test(c.summary)) return null;
  // Not conventional (or an unknown type): the first verb tells.
  if (NEW_VERBS.test(c.summary)) return 'new';
  if (FIX_VERBS.test(c.summary)) return 'fixed';
  return 'improved';
}

export interface NoteItem {
  kind: NoteKind;
  commit: ParsedCommit;
}

/**
 * The user-facing commits, grouped in release-note order, input order kept inside a group.
 * When nothing is user-facing (a lone dependency bump drafted on purpose), every commit is
 * kept so the person still gets a draft to edit.
 */
export function releaseItems(commits: ParsedCommit[]): NoteItem[] {
  let items = commits.map((commit) => ({ kind: noteKindOf(commit), commit }));
  if (items.every((i) => i.kind === null)) {
    items = commits.filter((c) => !MERGE.test(c.header.trim())).map((commit) => ({ kind: fallbackKind(commit), commit }));
    if (items.length === 0) items = commits.map((commit) => ({ kind: fallbackKind(commit), commit }));
  }
  const visible = items.filter((i): i is NoteItem => i.kind !== null);
  return NOTE_ORDER.flatMap((kind) => visible.filter((i) => i.kind === kind));
}

function fallbackKind(c: ParsedCommit): NoteKind {
  if (c.type === 'fix' || FIX_VERBS.test(c.summary)) return 'fixed';
  if (c.type === 'feat' || NEW_VERBS.test(c.summary)) return 'new';
  return 'improved';
}

/** The changelog entry: headings in release-note order, one line per change, references kept. */
export function changelogEntry(items: NoteItem[]): string {
  const sections: string[] = [];
  for (const kind of NOTE_ORDER) {
    const group = items.filter((i) => i.kind === kind);
    if (!group.length) continue;
    const lines = group.map(({ commit: c }) => {
      const refs = c.references.length ? ` (${c.references.join(', ')})` : '';
      // Several ideas in one subject ("added X. latency reduced by 400ms") read as one line each, joined.
      const summary = (c.summary || c.header).split(/(?<=[a-z0-9)\]])[.;]\s+(?=[A-Za-z])/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('; ');
      const text = `${c.scope ? `${c.scope}: ` : ''}${summary}${refs}`;
      const notes = c.breakingNotes.map((n) => `\n  ${n}`).join('');
      return `- ${text}${notes}`;
    });
    sections.push(`${NOTE_HEADING[kind]}\n${lines.join('\n')}`);
  }
  return sections.join('\n\n');
}
