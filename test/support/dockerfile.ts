/**
 * A small Dockerfile reader for the build-steps test: enough of the syntax Deskmate's Dockerfile uses
 * (ARG before FROM, FROM … AS, WORKDIR, ENV, COPY [--from] [--chown], RUN, USER, ENTRYPOINT, CMD,
 * line continuations, comments). Anything else is kept as an instruction so a test can refuse it.
 */
interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  image: string;
  name?: string;
  steps: Instruction[];
}

export interface Dockerfile {
  args: Record<string, string>;
  stages: Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  const logical: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      line = line.replace(/\\\s*$/, ' ') + lines[++i].trim();
    }
    const m = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(line);
    if (!m) throw new Error(`Dockerfile line ${start + 1}: cannot read "${line}"`);
    logical.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start + 1 });
  }
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const ins of logical) {
    if (ins.keyword === 'ARG' && stages.length === 0) {
      const [k, ...v] = ins.args.split('=');
      args[k.trim()] = v.join('=').trim();
      continue;
    }
    if (ins.keyword === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      if (!m) throw new Error(`Dockerfile line ${ins.line}: cannot read FROM ${ins.args}`);
      const image = m[1].replace(/\$\{(\w+)\}|\$(\w+)/g, (_s, a, b) => args[a ?? b] ?? '');
      stages.push({ image, name: m[2], steps: [] });
      continue;
    }
    if (stages.length === 0) throw new Error(`Dockerfile line ${ins.line}: ${ins.keyword} before FROM`);
    stages[stages.length - 1].steps.push(ins);
  }
  return { args, stages };
}

export interface CopyStep {
  from?: string;
  sources: string[];
  dest: string;
}

export function parseCopy(args: string): CopyStep {
  const words = args.split(/\s+/).filter(Boolean);
  let from: string | undefined;
  while (words[0]?.startsWith('--')) {
    const flag = words.shift() as string;
    if (flag.startsWith('--from=')) from = flag.slice('--from='.length);
  }
  const dest = words.pop();
  if (!dest || words.length === 0) throw new Error(`COPY needs sources and a destination: ${args}`);
  return { from, sources: words, dest };
}

/** `["node", "bin/x.js"]` (exec form) or a shell string, as argv. */
export function execForm(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return ['/bin/sh', '-c', trimmed];
}

/** `ENV A=1 B=2` (the form our Dockerfile uses). */
export function parseEnv(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of args.split(/\s+/).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return out;
}
