/** Shapes shared by the release-copy capability. No Slack or CLI types here on purpose. */

export type CopyField = 'headline' | 'blurb' | 'captions.x' | 'captions.linkedin' | 'captions.mastodon' | 'changelog';

export const COPY_FIELDS: readonly CopyField[] = ['headline', 'blurb', 'captions.x', 'captions.linkedin', 'captions.mastodon', 'changelog'];

export type ViolationRule = 'banned_phrase' | 'emoji' | 'commit_syntax' | 'length' | 'sentences' | 'fact' | 'private' | 'grammar';

/**
 * One finding of the guards. `fixed: true` means the final copy no longer has the problem
 * (it was removed or rewritten); `fixed: false` means the final copy still has it. Both are
 * reported so a repair is never hidden from the person approving the copy.
 */
export interface Violation {
  rule: ViolationRule;
  field: CopyField;
  detail: string;
  fixed: boolean;
  /** What the repair did, when `fixed`. */
  repair?: string;
}

export interface CopyText {
  headline: string;
  blurb: string;
  captions: { x: string; linkedin: string; mastodon: string };
  changelog: string;
}

/** A docs-index section the caller retrieved for the changed feature. */
export interface DocContext {
  path: string;
  section: string;
  text: string;
}

export type CopyFallback = 'llm_failed' | 'llm_timeout' | 'llm_malformed';

export interface CopyDraft extends CopyText {
  /** Figures, versions and names found in the input commits: the only ones the copy may use. */
  facts: string[];
  violations: Violation[];
  /** Docs sections used to explain the benefit, cited for the reviewer. */
  docs: Array<{ path: string; section: string }>;
  /** 'offline' for the deterministic drafter, otherwise the model name. */
  source: string;
  /** Set when an LLM was configured but its output could not be used. */
  fallback?: CopyFallback;
  /** LLM generations made (0 offline). */
  attempts: number;
}

export interface ParsedCommit {
  /** The full message as given. */
  raw: string;
  header: string;
  /** Conventional type (lower-case), or null for a non-conventional message. */
  type: string | null;
  scope: string | null;
  /** The header's description with commit syntax removed: no PR references, no backticks. */
  summary: string;
  body: string | null;
  breaking: boolean;
  /** Text of BREAKING CHANGE notes, when given. */
  breakingNotes: string[];
  /** "#123"-style references (PRs, issues): changelog material only. */
  references: string[];
}

/** The character budgets, by field. */
export const LIMITS = {
  headline: 70,
  'captions.x': 280,
  'captions.mastodon': 500,
  'captions.linkedin': 1300,
} as const;

export const BLURB_SENTENCES = { min: 2, max: 3 } as const;
