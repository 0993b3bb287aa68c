import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { formatDraft, runCopy } from '../../src/cli/copy';
import { loadConfig } from '../../src/config';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'deskmate.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copy-cli-'));
const config = loadConfig({ env: {}, cwd: work });

/** runCopy in-process with a real stdin stream and a captured stdout: the command minus argv parsing. */
function io(stdinText: string | null, cwd = work) {
  const stdin = Object.assign(Readable.from(stdinText === null ? [] : [stdinText]), { isTTY: stdinText === null });
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += c));
  return { io: { stdin, stdout, cwd, config }, out: () => out };
}

function gitRepo(name: string, files: Record<string, string> = {}): { dir: string; git: (...args: string[]) => void } {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
  const git = (...args: string[]) => void execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
  git('init', '-q');
  git('commit', '-q', '--allow-empty', '-m', 'chore: initial');
  git('tag', 'v1.0.0');
  git('commit', '-q', '--allow-empty', '-m', 'feat(export): add CSV export\n\nExports up to 10k rows.\n\nCo-authored-by: Ann Lee <ann@example.com>');
  git('commit', '-q', '--allow-empty', '-m', 'ci: cache npm');
  return { dir, git };
}

describe('deskmate copy (built CLI, one smoke test)', () => {
  // Spawning proves what in-process calls cannot: the bin script, commander wiring and exit codes.
  test('--help, a --json draft and a usage error through the real binary', () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: work, LOG_LEVEL: 'silent' };
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: work, input: '', env, encoding: 'utf8' });
    const help = run(['copy', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--from-git <range>/);
    const r = run(['copy', 'perf(search): latency reduced by 400ms (#120)', '--json', '--product', 'Parcelbird']);
    expect(r.status).toBe(0);
    const draft = JSON.parse(r.stdout);
    expect(Object.keys(draft)).toEqual(expect.arrayContaining(['headline', 'blurb', 'captions', 'changelog', 'facts', 'violations', 'docs']));
    expect(draft.headline).toBe('Faster search: latency down 400 ms');
    expect(run(['copy', 'feat: a', '--from-git', 'HEAD']).status).toBe(2);
  }, 120000);
});

describe('runCopy', () => {
  test('a message with --json prints the draft as JSON, references only in the changelog', async () => {
    const t = io('');
    await runCopy('perf(search): latency reduced by 400ms (#120)', { json: true, product: 'Parcelbird' }, t.io);
    const draft = JSON.parse(t.out());
    expect(draft.facts).toEqual(['400ms']);
    expect(draft.changelog).toContain('#120');
    expect(draft.headline).not.toContain('#120');
  });

  test('--jsonl writes one draft per input line, in order', async () => {
    const t = io([JSON.stringify('feat: add dark mode'), '', JSON.stringify('fix: keep the sidebar open (#4)')].join('\n'));
    await runCopy(undefined, { jsonl: true, product: 'Parcelbird' }, t.io);
    const lines = t.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((d) => d.headline)).toEqual(['New in Parcelbird: dark mode', 'Parcelbird now keeps the sidebar open']);
  });

  test('a bad --jsonl line is reported in place and the command fails', async () => {
    const t = io(`${JSON.stringify('feat: a')}\nnot json\n`);
    await expect(runCopy(undefined, { jsonl: true }, t.io)).rejects.toMatchObject({ code: 'parse_failed' });
    const lines = t.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({ line: 2 });
  });

  test('--from-git reads the range, drops chores and trailers, and names the product from package.json', async () => {
    const { dir } = gitRepo('acme-widgets', { 'package.json': JSON.stringify({ name: '@acme/widgets' }) });
    const t = io('', dir);
    await runCopy(undefined, { fromGit: 'v1.0.0..HEAD', json: true }, t.io);
    const draft = JSON.parse(t.out());
    expect(draft.headline).toBe('New in widgets: CSV export');
    expect(draft.changelog).toBe('New\n- export: Add CSV export');
    expect(draft.facts).toEqual(['CSV', '10k']);
    expect(JSON.stringify(draft)).not.toMatch(/Ann Lee|ann@example\.com|Co-authored/);
  });

  test('--from-git never names the product after the folder', async () => {
    const { dir } = gitRepo('folder-name-only');
    const t = io('', dir);
    await runCopy(undefined, { fromGit: 'v1.0.0..HEAD', json: true }, t.io);
    expect(t.out()).not.toMatch(/folder-name-only/);
    expect(JSON.parse(t.out()).headline).toBe('Introducing CSV export');
  });

  test('a bad git range is an error with a message', async () => {
    await expect(runCopy(undefined, { fromGit: 'no-such-tag..HEAD' }, io('').io)).rejects.toMatchObject({ code: 'source_not_found', message: expect.stringMatching(/git log failed/) });
  });

  test('a message and --from-git together is bad usage', async () => {
    await expect(runCopy('feat: a', { fromGit: 'HEAD' }, io('').io)).rejects.toMatchObject({ code: 'usage_error', message: expect.stringMatching(/either a MESSAGE or --from-git/) });
  });

  test('no message while stdin is a terminal is bad usage', async () => {
    await expect(runCopy(undefined, {}, io(null).io)).rejects.toMatchObject({ code: 'usage_error' });
  });

  test('without --json the draft is printed for a person to review, with single spaces', async () => {
    const t = io('');
    await runCopy('feat: add dark mode', { product: 'Parcelbird' }, t.io);
    expect(t.out()).toMatch(/^Headline: New in Parcelbird: dark mode\n/);
    expect(t.out()).not.toMatch(/\S {2,}\S/);
    expect(t.out()).toMatch(/Review before publishing/);
  });

  test('messages piped on stdin, separated by ---, are drafted together', async () => {
    const t = io('feat: add dark mode\n---\nfix: keep the sidebar open');
    await runCopy(undefined, { json: true, product: 'Parcelbird' }, t.io);
    expect(JSON.parse(t.out()).changelog).toBe('New\n- Add dark mode\n\nFixed\n- Keep the sidebar open');
  });

  test('the human format lists repairs and problems separately', () => {
    const text = formatDraft({
      headline: 'H', blurb: 'B. C.', captions: { x: 'X', linkedin: 'L', mastodon: 'M' }, changelog: 'c', facts: [], docs: [], source: 'offline', attempts: 0,
      violations: [
        { rule: 'fact', field: 'blurb', detail: 'untraceable quantity "40%"', fixed: true, repair: 'removed the clause that carried it' },
        { rule: 'length', field: 'headline', detail: '80 characters, limit 70', fixed: false },
      ],
    });
    expect(text).toMatch(/Problems still in this draft:\n {2}- \[length\] headline: 80 characters, limit 70/);
    expect(text).toMatch(/Repaired by the guards:\n {2}- \[fact\] blurb: untraceable quantity "40%" \(removed the clause that carried it\)/);
  });
});
