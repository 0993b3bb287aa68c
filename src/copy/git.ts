import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DeskmateError, ErrorCode } from '../errors.js';

/** Commit messages from `git log RANGE` in a repository; newest first, as git lists them. */
const RECORD_END = '\x1e';

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new DeskmateError(ErrorCode.SourceNotFound, `git ${args[0]} failed in ${cwd}${stderr ? `: ${stderr}` : ''}. Run it inside a git repository with a valid range (e.g. v1.2.0..HEAD).`, { cause: err });
  }
}

export function readGitLog(range: string, cwd: string): string[] {
  // A range that starts with "-" would be read by git as an option.
  if (!range.trim() || range.startsWith('-')) throw new DeskmateError(ErrorCode.UsageError, `"${range}" is not a git range; use e.g. v1.2.0..HEAD.`);
  const out = git(['log', `--format=%B${RECORD_END}`, '--end-of-options', range], cwd);
  return out
    .split(RECORD_END)
    .map((m) => m.trim())
    .filter(Boolean);
}

/** The repository's folder name: the default product name for `--from-git`. */
export function repositoryName(cwd: string): string {
  return path.basename(git(['rev-parse', '--show-toplevel'], cwd).trim());
}
