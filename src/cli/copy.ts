import type { Command } from 'commander';
import { type Config, loadConfig } from '../config.js';
import { draftCopy } from '../copy/draft.js';
import { docsContextFor, openBuiltIndex } from '../knowledge/answer/docs-context.js';
import { packageProductName, readGitLog } from '../copy/git.js';
import { splitCommitMessages } from '../copy/split.js';
import type { CopyDraft } from '../copy/types.js';
import { DeskmateError, ErrorCode, userMessageOf } from '../errors.js';

export interface CopyCommandOptions {
  fromGit?: string;
  json?: boolean;
  jsonl?: boolean;
  product?: string;
}

export interface CopyCommandIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  cwd: string;
  config?: Config;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(parts).toString('utf8');
}

/** Human-readable draft: what a reviewer reads before approving. */
export function formatDraft(draft: CopyDraft): string {
  const lines = [
    `Headline: ${draft.headline}`,
    '',
    'Blurb:',
    draft.blurb,
    '',
    'X:',
    draft.captions.x,
    '',
    'LinkedIn:',
    draft.captions.linkedin,
    '',
    'Mastodon:',
    draft.captions.mastodon,
    '',
    'Changelog:',
    draft.changelog,
    '',
    `Facts from the commits: ${draft.facts.length ? draft.facts.join(', ') : '(none)'}`,
  ];
  if (draft.docs.length) lines.push(`Docs used: ${draft.docs.map((d) => `${d.path} (${d.section})`).join('; ')}`);
  const unfixed = draft.violations.filter((v) => !v.fixed);
  const fixed = draft.violations.filter((v) => v.fixed);
  if (unfixed.length) lines.push('', 'Problems still in this draft:', ...unfixed.map((v) => `  - [${v.rule}] ${v.field}: ${v.detail}`));
  if (fixed.length) lines.push('', 'Repaired by the guards:', ...fixed.map((v) => `  - [${v.rule}] ${v.field}: ${v.detail} (${v.repair ?? 'fixed'})`));
  const by = draft.source === 'offline' ? 'the offline drafter' : draft.source;
  lines.push('', `Drafted by ${by}${draft.fallback ? ` (the LLM could not be used: ${FALLBACK_TEXT[draft.fallback]})` : ''}. Review before publishing.`);
  return lines.join('\n') + '\n';
}

function parseJsonlLine(line: string, n: number): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new DeskmateError(ErrorCode.UsageError, `stdin line ${n} is not JSON; each line must be a JSON string holding one commit message.`);
  }
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') return (value as { message: string }).message;
  throw new DeskmateError(ErrorCode.UsageError, `stdin line ${n} is not a JSON string (or an object with a "message").`);
}

/** The `copy` command without commander: parse input, draft, print. Exit codes come from the thrown error. */
export async function runCopy(message: string | undefined, options: CopyCommandOptions, io: CopyCommandIo): Promise<void> {
  if (options.jsonl && (message || options.fromGit)) throw new DeskmateError(ErrorCode.UsageError, '--jsonl reads stdin; do not also give a MESSAGE or --from-git.');
  if (message && options.fromGit) throw new DeskmateError(ErrorCode.UsageError, 'Give either a MESSAGE or --from-git, not both.');
  const config = io.config ?? loadConfig({ cwd: io.cwd });

  const productName = options.product ?? config.copy.productName ?? packageProductName(io.cwd);
  if (options.jsonl) {
    if (io.stdin.isTTY) throw new DeskmateError(ErrorCode.UsageError, '--jsonl reads JSON lines from stdin; pipe them in.');
    const lines = (await readAll(io.stdin)).split(/\r?\n/);
    // --jsonl drafts many messages: open the index once.
    const index = await openBuiltIndex(config);
    let failures = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      try {
        const msg = parseJsonlLine(lines[i], i + 1);
        const draft = await draftCopy([msg], { config, productName, cwd: io.cwd, context: await docsContextFor(index, [msg]) });
        io.stdout.write(JSON.stringify(draft) + '\n');
      } catch (err) {
        failures += 1;
        io.stdout.write(JSON.stringify({ line: i + 1, error: userMessageOf(err) }) + '\n');
      }
    }
    if (failures > 0) throw new DeskmateError(ErrorCode.ParseFailed, `${failures} input line(s) could not be drafted; see the "error" lines in the output.`);
    return;
  }

  let messages: string[];
  if (options.fromGit) {
    messages = readGitLog(options.fromGit, io.cwd);
    if (messages.length === 0) throw new DeskmateError(ErrorCode.UsageError, `git log ${options.fromGit} lists no commits.`);
  } else if (message !== undefined) {
    messages = splitCommitMessages(message);
  } else {
    if (io.stdin.isTTY) throw new DeskmateError(ErrorCode.UsageError, 'Give commit messages as an argument, with --from-git RANGE, or on stdin. See `deskmate copy --help`.');
    messages = splitCommitMessages(await readAll(io.stdin));
  }
  if (messages.length === 0) throw new DeskmateError(ErrorCode.UsageError, 'No commit message given.');
  const draft = await draftCopy(messages, { config, productName, cwd: io.cwd, context: await docsContextFor(await openBuiltIndex(config), messages) });
  io.stdout.write(options.json ? JSON.stringify(draft, null, 2) + '\n' : formatDraft(draft));
}

/** Why the offline drafter wrote the copy, in words; the log line has the technical cause. */
const FALLBACK_TEXT: Record<NonNullable<CopyDraft['fallback']>, string> = {
  llm_failed: 'the model server could not be reached or refused the request; check OPENAI_BASE_URL / OPENAI_API_KEY',
  llm_timeout: 'the model did not answer in time; retry, or raise models.copy.timeoutMs',
  llm_malformed: 'the model answered with something that is not the expected copy',
};

export function registerCopy(program: Command): void {
  program
    .command('copy')
    .description('Draft release copy (headline, blurb, captions for X/LinkedIn/Mastodon, changelog) from commit messages, in the team\'s brand voice, with no invented facts. A human approves before anything is published.')
    .argument('[message]', 'commit message(s): one full message, several separated by a line "---", or subject lines one per line (default: stdin)')
    .option('--from-git <range>', 'read the messages from `git log RANGE` in the current repository, e.g. v1.2.0..HEAD')
    .option('--json', 'print the draft as JSON: headline, blurb, captions, changelog, facts, violations, docs')
    .option('--jsonl', 'read stdin lines, each a JSON string holding one commit message; write one JSON draft per line')
    .option('--product <name>', 'product name for the copy (default: config copy.productName, else "name" in package.json; never the folder name)')
    .addHelpText(
      'after',
      '\nExamples:\n  deskmate copy "feat(server): reduce cold start latency by 400ms (#120)"\n  deskmate copy --from-git v1.2.0..HEAD --json\n  git log --format=%B -1 | deskmate copy\n\nBrand voice: copy.brandVoiceFile in deskmate.config.yaml (default: brand-voice.default.yaml).\nWith OPENAI_API_KEY or OPENAI_BASE_URL set, an LLM drafts; the same guards check its output.',
    )
    .action(async (message: string | undefined, options: CopyCommandOptions) => {
      await runCopy(message, options, { stdin: process.stdin, stdout: process.stdout, cwd: process.cwd() });
    });
}
