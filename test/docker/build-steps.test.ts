/**
 * No Docker engine runs here, so this proves the image's build the next best way: it reads the
 * Dockerfile, builds each stage in a folder from exactly the files its COPY lines name (plus
 * .dockerignore), runs its RUN steps, and starts the result with the image's ENTRYPOINT and ENV.
 * A file the build needs but the Dockerfile does not copy makes this fail, as it would in Docker.
 *
 * Two RUN steps are stood in for, each for a stated reason:
 * - `npm ci`: the tests have no registry and a fresh install is ~550 MB and ~90 s of native
 *   compiles on a shared machine, so node_modules is linked from the checkout (same lockfile);
 *   then the root package's `prepare` script, which `npm ci` runs, really compiles TypeScript.
 * - `npm prune` and `chown`: through the link they would delete the checkout's dev dependencies /
 *   need root; the runtime's non-root USER is asserted instead.
 * `apt-get install` needs root and the network: the test checks the tools it installs are present.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { execForm, parseCopy, parseDockerfile, parseEnv, type Stage } from '../support/dockerfile.js';
import { tmpDir } from '../support/tmp.js';

const root = path.resolve(__dirname, '..', '..');
const dockerfile = parseDockerfile(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

function isIgnored(rel: string): boolean {
  const parts = rel.split(path.sep);
  return ignored.some((pat) => {
    const re = new RegExp('^' + pat.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
    return parts.some((p) => re.test(p)) || re.test(rel);
  });
}

/** Expands `manifest.json*`-style sources against the build context; a missing plain source is an error. */
function contextSources(source: string): string[] {
  if (!source.includes('*')) {
    if (!fs.existsSync(path.join(root, source))) throw new Error(`COPY source not in the build context: ${source}`);
    return [source];
  }
  const dir = path.dirname(source);
  const re = new RegExp('^' + path.basename(source).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
  return fs.readdirSync(path.join(root, dir)).filter((f) => re.test(f)).map((f) => path.join(dir, f));
}

function copyInto(from: string, to: string, fromRoot?: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => fromRoot === undefined || !isIgnored(path.relative(fromRoot, src)) || src === fromRoot,
  });
}

interface Built {
  dir: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  entrypoint?: string[];
  cmd?: string[];
  ran: string[];
}

const cleanEnv = (): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(OPENAI_|DESKMATE_|SLACK_|LOG_LEVEL|NODE_ENV|DATABASE_URL)/.test(k)) continue;
    env[k] = v;
  }
  return env;
};

function buildStage(stage: Stage, stages: Map<string, Built>, scratch: string): Built {
  const built: Built = { dir: fs.mkdtempSync(path.join(scratch, 'stage-')), workdir: '/', env: {}, ran: [] };
  const volumes = new Map<string, string>();
  const local = (p: string): string => {
    for (const [abs, dir] of volumes) if (p === abs || p.startsWith(abs + '/')) return path.join(dir, p.slice(abs.length));
    if (p.startsWith(built.workdir + '/') || p === built.workdir) return path.join(built.dir, p.slice(built.workdir.length));
    return path.isAbsolute(p) ? p : path.join(built.dir, p);
  };
  const mapPaths = (s: string): string => s.replace(/(^|[\s=])(\/[\w./-]+)/g, (_m, pre: string, p: string) => pre + (p.startsWith(built.workdir) || [...volumes.keys()].some((v) => p.startsWith(v)) ? local(p) : p));
  const sh = (command: string): void => {
    const r = spawnSync('/bin/sh', ['-c', command], { cwd: built.dir, env: { ...cleanEnv(), ...built.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`RUN ${command} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    built.ran.push(command);
  };
  for (const step of stage.steps) {
    switch (step.keyword) {
      case 'WORKDIR':
        built.workdir = step.args.replace(/\/$/, '');
        break;
      case 'ENV':
        for (const [k, v] of Object.entries(parseEnv(step.args))) built.env[k] = v;
        break;
      case 'VOLUME':
        for (const v of execForm(step.args).filter((a) => a.startsWith('/'))) volumes.set(v, fs.mkdtempSync(path.join(scratch, 'volume-')));
        break;
      case 'COPY': {
        const copy = parseCopy(step.args);
        const dest = local(copy.dest);
        for (const source of copy.sources) {
          if (copy.from) {
            const other = stages.get(copy.from);
            if (!other) throw new Error(`COPY --from=${copy.from}: no such stage`);
            const src = path.join(other.dir, source.slice(other.workdir.length));
            if (!fs.existsSync(src) && !fs.lstatSync(src, { throwIfNoEntry: false })) throw new Error(`COPY --from=${copy.from} ${source}: the build stage did not produce it`);
            copyInto(src, copy.dest.endsWith('/') && copy.sources.length > 1 ? path.join(dest, path.basename(source)) : copy.dest.endsWith('/') ? path.join(dest, path.basename(source)) : dest);
          } else {
            for (const rel of contextSources(source)) {
              const target = copy.dest.endsWith('/') ? path.join(dest, path.basename(rel)) : dest;
              copyInto(path.join(root, rel), target, path.join(root, rel));
            }
          }
        }
        break;
      }
      case 'RUN':
        for (const part of step.args.split('&&').map((p) => p.trim())) {
          if (/^apt-get (update|install)|^rm -rf \/var\/lib\/apt/.test(part)) {
            for (const tool of part.match(/\b(python3|make|g\+\+)\b/g) ?? []) sh(`command -v ${tool}`);
          } else if (/^npm ci\b/.test(part)) {
            fs.symlinkSync(path.join(root, 'node_modules'), path.join(built.dir, 'node_modules'));
            sh('npm run prepare');
          } else if (/^npm prune\b|^chown\b/.test(part)) {
            built.ran.push(`(stood in for) ${part}`);
          } else {
            sh(mapPaths(part));
          }
        }
        break;
      case 'USER':
        built.user = step.args;
        break;
      case 'ENTRYPOINT':
        built.entrypoint = execForm(step.args);
        break;
      case 'CMD':
        built.cmd = execForm(step.args);
        break;
      case 'EXPOSE':
      case 'HEALTHCHECK':
      case 'LABEL':
        break;
      default:
        throw new Error(`Dockerfile line ${step.line}: ${step.keyword} is not understood by this test; teach it`);
    }
  }
  for (const [k, v] of Object.entries(built.env)) built.env[k] = mapPaths(v);
  return built;
}

function listFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(dir, path.join(rel, e.name)) : [path.join(rel, e.name)]));
}

describe('the Dockerfile', () => {
  it('is multi-stage, pins every base image by digest and runs as a non-root user', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of dockerfile.stages) expect(stage.image).toMatch(/@sha256:[0-9a-f]{64}$/);
    const last = dockerfile.stages[dockerfile.stages.length - 1];
    const user = last.steps.filter((s) => s.keyword === 'USER').pop()?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('builds from only the files it copies, ships runtime code only, and the image starts and answers offline', () => {
    const scratch = tmpDir('deskmate-docker-');
    try {
      const stages = new Map<string, Built>();
      let last: Built | undefined;
      dockerfile.stages.forEach((stage, i) => {
        last = buildStage(stage, stages, scratch);
        stages.set(stage.name ?? String(i), last);
      });
      const image = last as Built;
      expect([...stages.values()].some((s) => s.ran.includes('npm run prepare'))).toBe(true);

      const dist = listFiles(path.join(image.dir, 'dist'));
      expect(dist).toContain(path.join('src', 'cli', 'main.js'));
      expect(dist.filter((f) => /^(test|bench)\//.test(f) || /\.test\.js$/.test(f))).toEqual([]);
      expect(fs.existsSync(path.join(image.dir, 'src'))).toBe(false);

      const [cmd, ...rest] = image.entrypoint as string[];
      const run = (args: string[]) =>
        spawnSync(cmd === 'node' ? process.execPath : cmd, [...rest, ...args], { cwd: image.dir, env: { ...cleanEnv(), ...image.env }, encoding: 'utf8' });
      const help = run(['--help']);
      expect(help.stderr).toBe('');
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/Usage: deskmate/);
      expect(image.cmd).toEqual(['start']);
      expect(help.stdout).toMatch(/\bstart\b/);

      // The index built in the build stage is the one the image answers from.
      const ask = run(['ask', 'How do I verify a webhook signature?', '--json']);
      expect(ask.status).toBe(0);
      const answer = JSON.parse(ask.stdout) as { escalate: boolean; sources: unknown[] };
      expect(answer.escalate).toBe(false);
      expect(answer.sources.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 240_000);
});
