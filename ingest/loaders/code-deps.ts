import type { LoadedSource } from '../../src/ports/chunk.js';
import { decodeText, describeCause, parseFailed } from './parse-failed.js';

/**
 * Declared dependencies (package.json, pyproject.toml, requirements*.txt) → one chunk listing
 * them, so the /scaffold import check knows which packages the team actually uses.
 */
const DEPENDENCY_FILES = ['package.json', 'pyproject.toml', 'requirements.txt'];

/** Whether a path names a dependency manifest (requirements-dev.txt and requirements/base.txt count too). */
export function isDependencyFile(relPath: string): boolean {
  const base = relPath.split('/').pop()!.toLowerCase();
  return base === 'package.json' || base === 'pyproject.toml' || /^requirements[\w.-]*\.txt$/.test(base) || /(^|\/)requirements\/[\w.-]+\.txt$/i.test(relPath);
}

function fromPackageJson(text: string, relPath: string): string[] {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw parseFailed(relPath, `not valid JSON: ${describeCause(err)}`, err);
  }
  const names = new Set<string>();
  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = pkg[key];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
  }
  return [...names];
}

/** The distribution name of a PEP 508 requirement: `requests[socks]>=2.0; python_version>"3"` → `requests`. */
function requirementName(spec: string): string | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
  return m ? m[1] : null;
}

function fromRequirements(text: string): string[] {
  const names: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-')) continue; // options, -r includes, -e editables
    const egg = /#egg=([\w.-]+)/.exec(raw);
    const name = egg ? egg[1] : /:\/\//.test(line) ? null : requirementName(line);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The few TOML shapes that declare dependencies: `[project] dependencies = [...]`,
 * `[project.optional-dependencies]` arrays, and Poetry's `[tool.poetry.*dependencies]` tables.
 * A full TOML parser is not a dependency of ours; these shapes are regular enough to read by line.
 */
function fromPyproject(text: string): string[] {
  const names: string[] = [];
  const add = (n: string | null) => {
    if (n && n.toLowerCase() !== 'python' && !names.includes(n)) names.push(n);
  };
  let table = '';
  let inArray = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[\[?([^\]]+)\]\]?$/.exec(line);
    if (header && !inArray) {
      table = header[1].trim();
      continue;
    }
    const poetryTable = /^tool\.poetry\.(?:dev-)?dependencies$|^tool\.poetry\.group\.[\w-]+\.dependencies$/.test(table);
    if (poetryTable) {
      const key = /^["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*=/.exec(line);
      if (key) add(key[1]);
      continue;
    }
    const arrayTable = table === 'project' || table === 'project.optional-dependencies' || table === 'dependency-groups';
    if (!arrayTable) continue;
    if (!inArray) {
      const start = /^([\w-]+)\s*=\s*\[(.*)$/.exec(line);
      if (!start || (table === 'project' && start[1] !== 'dependencies')) continue;
      inArray = true;
      if (/\]\s*$/.test(start[2])) inArray = false;
      for (const s of start[2].matchAll(/["']([^"']+)["']/g)) add(requirementName(s[1]));
      continue;
    }
    for (const s of line.matchAll(/["']([^"']+)["']/g)) add(requirementName(s[1]));
    if (/\]\s*,?$/.test(line)) inArray = false;
  }
  return names;
}

export async function loadDependencies(content: Buffer, relPath: string): Promise<LoadedSource> {
  const text = decodeText(content, relPath);
  const base = relPath.split('/').pop()!.toLowerCase();
  const ecosystem = base === 'package.json' ? 'npm' : 'pypi';
  const dependencies = base === 'package.json' ? fromPackageJson(text, relPath) : base === 'pyproject.toml' ? fromPyproject(text) : fromRequirements(text);
  return {
    chunks: [
      {
        kind: 'code',
        section: 'dependencies',
        text: `Declared ${ecosystem} dependencies in ${relPath}:\n${dependencies.join('\n') || '(none)'}`,
        line: 1,
        meta: { dependencies, ecosystem, language: ecosystem === 'npm' ? 'javascript' : 'python' },
      },
    ],
  };
}
