import type { Config } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { childLogger } from '../log.js';
import { chatModelFor, type TaskModel } from '../llm/models.js';
import { type BrandVoice, loadBrandVoice } from './brand-voice.js';
import { relevantDocs } from './context.js';
import { draftOffline } from './drafter.js';
import { buildInventory, listInputFacts } from './facts.js';
import { checkCopy, type GuardContext } from './guards.js';
import { generateCopy } from './llm.js';
import { cleanCommitMessage } from './message.js';
import { parseCommitMessages } from './parse.js';
import { releaseItems } from './release-notes.js';
import { guardCopy } from './repair.js';
import type { CopyDraft, CopyFallback, CopyText, DocContext, Violation } from './types.js';

const log = childLogger('copy');

export const MAX_INPUT_CHARS = 100_000;

export interface DraftCopyOptions {
  config: Config;
  /** Overrides config.copy.productName (the CLI passes the repository name with --from-git). */
  productName?: string;
  /** Default: config.copy.brandVoiceFile or the shipped default. */
  voice?: BrandVoice;
  cwd?: string;
  /** Docs sections from the retriever; the relevant ones explain the benefit and are cited. */
  context?: DocContext[];
  /** Default: chatModelFor(config, 'copy'); null forces the offline drafter. */
  model?: TaskModel | null;
  /** LLM regenerations after a draft that breaks a rule (default 2). */
  maxRegenerations?: number;
}

const FALLBACK_FOR: Partial<Record<ErrorCode, CopyFallback>> = {
  [ErrorCode.LlmTimeout]: 'llm_timeout',
  [ErrorCode.ParseFailed]: 'llm_malformed',
};

/**
 * Release copy for a set of commit messages: offline by default, by the task's LLM when one
 * is configured. Either way the brand-voice and fact guards run, repairs are reported, and
 * the result waits for a human's approval (the caller's job).
 */
export async function draftCopy(messages: string[], options: DraftCopyOptions): Promise<CopyDraft> {
  const inputs = messages.map((m) => m.trim()).filter(Boolean);
  if (inputs.length === 0) throw new DeskmateError(ErrorCode.UsageError, 'Give at least one commit message.');
  if (inputs.join('\n').length > MAX_INPUT_CHARS) {
    throw new DeskmateError(ErrorCode.InputTooLarge, `The commit messages are longer than ${MAX_INPUT_CHARS} characters; draft a smaller range.`);
  }
  const { config } = options;
  const productName = options.productName ?? config.copy.productName;
  const voice = options.voice ?? loadBrandVoice(config, options.cwd);
  // Trailers, addresses and handles are not the commit's content: they neither enter the copy
  // nor make a name traceable.
  const cleaned = inputs.map(cleanCommitMessage).filter(Boolean);
  const parsed = await parseCommitMessages(cleaned.length ? cleaned : inputs);
  // The LLM and the docs matcher see the user-facing commits, breaking first.
  const commits = releaseItems(parsed).map((i) => i.commit);
  const inventory = buildInventory(cleaned, [...(productName ? [productName] : []), ...voice.allowedNames]);
  const ctx: GuardContext = { voice, inventory };
  const docs = relevantDocs(commits, options.context);
  const facts = listInputFacts(cleaned);

  const drafted = draftOffline({ commits: parsed, productName, docs, inventory, voice });
  const offline = guardCopy(drafted.copy, ctx);
  const model = options.model === undefined ? await chatModelFor(config, 'copy') : options.model;
  if (!model) {
    log.debug({ commits: commits.length, source: 'offline', unfixed: offline.violations.filter((v) => !v.fixed).length }, 'copy drafted');
    return { ...offline.copy, facts, violations: offline.violations, docs: cite(drafted.docsUsed), source: 'offline', attempts: 0 };
  }

  const maxAttempts = 1 + (options.maxRegenerations ?? 2);
  const earlier: Violation[] = [];
  let best: { copy: CopyText; findings: number } | undefined;
  let feedback: string[] | undefined;
  let attempts = 0;
  let failure: DeskmateError | undefined;
  while (attempts < maxAttempts) {
    attempts += 1;
    try {
      const generated = await generateCopy(model, { commits, productName, voice, facts, docs, feedback });
      const copy: CopyText = { ...generated, changelog: offline.copy.changelog };
      const findings = checkCopy(copy, ctx);
      if (!best || findings.length < best.findings) best = { copy, findings: findings.length };
      if (findings.length === 0) break;
      if (attempts < maxAttempts) {
        earlier.push(...findings.map((f) => ({ ...f, fixed: true, repair: `regenerated (attempt ${attempts} rejected)` })));
      }
      feedback = findings.map((f) => `${f.field}: ${f.detail}`);
    } catch (err) {
      failure = err instanceof DeskmateError ? err : new DeskmateError(ErrorCode.LlmFailed, 'The model request failed.', { cause: err });
      // The cause's message, not the error object: a provider error serialises to kilobytes of JSON and a stack.
      log.warn({ err: String((failure.cause as Error | undefined)?.message ?? failure.message).slice(0, 300), code: failure.code, attempt: attempts }, 'copy generation failed');
      break;
    }
  }
  if (!best) {
    const fallback = (failure && FALLBACK_FOR[failure.code]) ?? 'llm_failed';
    return { ...offline.copy, facts, violations: offline.violations, docs: cite(drafted.docsUsed), source: 'offline', fallback, attempts };
  }
  const guarded = guardCopy(best.copy, ctx, offline.copy);
  const violations = [...earlier, ...guarded.violations];
  log.debug({ commits: commits.length, source: model.name, attempts, unfixed: violations.filter((v) => !v.fixed).length }, 'copy drafted');
  return { ...guarded.copy, facts, violations, docs: cite(docs), source: model.name, attempts };
}

const cite = (docs: DocContext[]) => docs.map((d) => ({ path: d.path, section: d.section }));

/** True when the final copy breaks no rule: the figure the eval calls "zero violations". */
export function isClean(draft: CopyDraft): boolean {
  return draft.violations.every((v) => v.fixed);
}
