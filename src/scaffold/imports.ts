import { builtinModules } from 'node:module';
import { PYTHON_IMPORT_NAMES, PYTHON_STDLIB } from './python-modules.js';

/**
 * The hallucinated-import check: every module generated code imports must be a Node/Python
 * built-in, a declared dependency, or a module that exists in the indexed code.
 */
export type ScaffoldLanguage = 'typescript' | 'javascript' | 'python';

export interface ImportCheck {
  specifier: string;
  resolved: boolean;
  reason: string;
}

export interface ImportUniverse {
  /** Declared dependency names (package.json, pyproject, requirements). */
  declared: Set<string>;
  /** Indexed code paths ("src/http/base.ts", "app/models.py"). */
  knownModules: Set<string>;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));
const JS_SPEC = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Module specifiers in JS/TS or Python source, in order, without duplicates. */
export function importSpecifiers(code: string, language: ScaffoldLanguage): string[] {
  const found: string[] = [];
  const add = (s: string | undefined) => {
    if (s && !found.includes(s)) found.push(s);
  };
  if (language !== 'python') {
    // Comments are dropped first, so `// import x from 'y'` in an explanation is not checked.
    const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const m of stripped.matchAll(JS_SPEC)) add(m[1] ?? m[2] ?? m[3] ?? m[4]);
    return found;
  }
  const joined = code.replace(/\\\n/g, ' ').replace(/\(([^)]*)\)/g, (all, inner: string) => (inner.includes('\n') ? `(${inner.replace(/\n/g, ' ')})` : all));
  for (const line of joined.split('\n')) {
    const t = line.replace(/#.*$/, '').trim();
    const from = /^from\s+(\.*[\w.]*)\s+import\b/.exec(t);
    if (from) add(from[1]);
    const imp = /^import\s+(.+)$/.exec(t);
    if (imp) for (const part of imp[1].split(',')) add(/^[\w.]+/.exec(part.trim())?.[0]);
  }
  return found;
}

/** `@scope/pkg/sub` → `@scope/pkg`; `lodash/fp` → `lodash`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A known path as a module name: extension, `/index` and `/__init__` dropped. */
function moduleKey(p: string): string {
  return p
    .replace(/\\/g, '/')
    .replace(/\.(d\.ts|tsx?|jsx?|mjs|cjs|mts|cts|py)$/, '')
    .replace(/\/(index|__init__)$/, '')
    .toLowerCase();
}

/** Whether some indexed module ends with this path (at a segment boundary). */
function findKnown(tail: string, universe: ImportUniverse): string | undefined {
  const want = moduleKey(tail);
  if (!want) return undefined;
  for (const known of universe.knownModules) {
    const key = moduleKey(known);
    if (key === want || key.endsWith(`/${want}`)) return known;
  }
  return undefined;
}

/** Python distribution names compare case-insensitively with `-`, `_` and `.` alike. */
function normalisePy(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '_');
}

function checkJs(spec: string, u: ImportUniverse): ImportCheck {
  if (spec.startsWith('node:') || NODE_BUILTINS.has(spec)) return { specifier: spec, resolved: true, reason: 'Node.js built-in' };
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const tail = spec.replace(/^(\.\.?\/)+/, '').replace(/^\//, '');
    const known = findKnown(tail, u);
    return known ? { specifier: spec, resolved: true, reason: `indexed module ${known}` } : { specifier: spec, resolved: false, reason: 'no indexed module has this path' };
  }
  const pkg = packageName(spec);
  if (u.declared.has(pkg)) return { specifier: spec, resolved: true, reason: `declared dependency ${pkg}` };
  // Path aliases (`@/lib/db`, `~/lib/db`, `src/lib/db`) point into the project itself.
  const aliasTail = spec.replace(/^[@~#]\//, '');
  const known = findKnown(aliasTail, u);
  if (known) return { specifier: spec, resolved: true, reason: `indexed module ${known}` };
  if (u.declared.has(`@types/${pkg}`)) return { specifier: spec, resolved: true, reason: `declared types @types/${pkg}` };
  return { specifier: spec, resolved: false, reason: u.declared.size ? `${pkg} is not a declared dependency` : `${pkg}: no declared dependencies are indexed to check against` };
}

function checkPy(spec: string, u: ImportUniverse): ImportCheck {
  const top = spec.replace(/^\.+/, '').split('.')[0];
  if (!spec.startsWith('.') && PYTHON_STDLIB.has(top)) return { specifier: spec, resolved: true, reason: 'Python standard library' };
  const asPath = spec.replace(/^\.+/, '').replace(/\./g, '/');
  const known = asPath ? findKnown(asPath, u) : undefined;
  if (known) return { specifier: spec, resolved: true, reason: `indexed module ${known}` };
  if (spec.startsWith('.')) return { specifier: spec, resolved: asPath === '', reason: asPath === '' ? 'the current package' : 'no indexed module has this path' };
  const declared = new Set([...u.declared].map(normalisePy));
  const dist = [...u.declared].find((d) => normalisePy(d) === normalisePy(top) || PYTHON_IMPORT_NAMES[normalisePy(d)] === top);
  if (dist || declared.has(normalisePy(top))) return { specifier: spec, resolved: true, reason: `declared dependency ${dist ?? top}` };
  return { specifier: spec, resolved: false, reason: u.declared.size ? `${top} is not a declared dependency` : `${top}: no declared dependencies are indexed to check against` };
}

export function verifyImports(code: string, language: ScaffoldLanguage, universe: ImportUniverse): ImportCheck[] {
  return importSpecifiers(code, language).map((s) => (language === 'python' ? checkPy(s, universe) : checkJs(s, universe)));
}
