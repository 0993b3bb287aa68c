import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
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

/**
 * The product name a package declares: `name` in package.json at the repository root (or
 * cwd), without an npm scope. A folder name is never used: checkouts are named anything.
 */
export function packageProductName(cwd: string): string | undefined {
  let root = cwd;
  try {
    root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || cwd;
  } catch {
    // Not a repository: look in cwd only.
  }
  for (const dir of Array.from(new Set([cwd, root]))) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    try {
      const name = (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name;
      if (typeof name === 'string' && name.trim()) return name.trim().replace(/^@[^/]+\//, '');
    } catch {
      // An unreadable package.json names nothing; the copy then goes without a product name.
    }
  }
  return undefined;
}
