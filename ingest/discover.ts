import fs from 'node:fs';
import path from 'node:path';
import { DeskmateError, ErrorCode } from '../src/errors.js';
import { childLogger } from '../src/log.js';
import { SUPPORTED_EXTENSIONS } from './loaders/index.js';

const log = childLogger('ingest.discover');

export interface SourceFile {
  absPath: string;
  /** Path as stored in the index. */
  relPath: string;
}

/** A path the walk could not use, and why, in words for the ingest report. */
export interface SkippedPath {
  path: string;
  error: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'docs-index', 'venv', '__pycache__', 'site-packages', 'coverage']);

/** Why an fs call failed, without a stack: the code and what it means here. */
function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'disappeared while reading (or a dangling link)';
    case 'ELOOP':
      return 'symlink loop';
    case 'ENOTDIR':
      return 'not a folder any more';
    default:
      return code ? `unreadable (${code})` : `unreadable (${(err as Error)?.message ?? String(err)})`;
  }
}

/**
 * Resolves the ingest roots to files. One root: paths relative to it (a file: its name).
 * Several: each prefixed with its root's basename. Links that leave their root are skipped,
 * so a crafted docs folder cannot pull /etc/passwd into the index. Every folder is entered once
 * (by its real path), so a symlink loop is skipped with a warning; a path that cannot be read (no
 * permission, gone mid-walk, a dangling link, a FIFO or device) is reported in `skipped` and the
 * walk goes on. Only a root that does not exist stops it.
 */
export function discoverSources(roots: string[], skipped: SkippedPath[] = []): SourceFile[] {
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const absRoot = path.resolve(root);
    if (!fs.existsSync(absRoot)) {
      throw new DeskmateError(ErrorCode.SourceNotFound, `Cannot ingest ${root}: no such file or folder.`);
    }
    const prefix = roots.length > 1 ? path.basename(absRoot) : '';
    let realRoot: string;
    let stat: fs.Stats;
    try {
      realRoot = fs.realpathSync(absRoot);
      stat = fs.statSync(realRoot);
    } catch (err) {
      skip(skipped, root, reason(err));
      continue;
    }
    if (stat.isFile()) {
      add(files, seen, absRoot, prefix ? `${prefix}` : path.basename(absRoot));
      continue;
    }
    if (!stat.isDirectory()) {
      skip(skipped, root, 'not a regular file or folder');
      continue;
    }
    const walk = new Walk(realRoot, prefix, files, seen, skipped);
    walk.dir(realRoot);
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return files;
}

function skip(skipped: SkippedPath[], p: string, error: string): void {
  skipped.push({ path: p, error });
  log.warn({ path: p, error }, 'skipped while looking for sources');
}

function add(files: SourceFile[], seen: Set<string>, absPath: string, relPath: string): void {
  const ext = path.extname(absPath).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) return;
  const normalised = relPath.split(path.sep).join('/');
  if (seen.has(normalised)) return;
  seen.add(normalised);
  files.push({ absPath, relPath: normalised });
}

class Walk {
  /** Real paths of the folders entered: a link back to one of them is a loop (or a second way in). */
  private readonly visited = new Set<string>();

  constructor(
    private readonly realRoot: string,
    private readonly prefix: string,
    private readonly files: SourceFile[],
    private readonly seen: Set<string>,
    private readonly skipped: SkippedPath[],
  ) {}

  private rel(abs: string): string {
    const rel = path.relative(this.realRoot, abs);
    return (this.prefix ? path.join(this.prefix, rel) : rel).split(path.sep).join('/');
  }

  dir(abs: string): void {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(abs);
      if (this.visited.has(real)) {
        const parent = fs.realpathSync(path.dirname(abs));
        const loop = parent === real || parent.startsWith(real + path.sep);
        skip(this.skipped, this.rel(abs), loop ? `symlink loop (leads back to ${this.rel(real) || '.'}); not entered again` : `a second link to ${this.rel(real)}, indexed once`);
        return;
      }
      this.visited.add(real);
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      skip(this.skipped, this.rel(abs) || '.', reason(err));
      return;
    }
    // Real entries before links (so a folder is indexed under its own name, not an alias's), then by name.
    entries.sort((x, y) => Number(x.isSymbolicLink()) - Number(y.isSymbolicLink()) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      this.entry(path.join(abs, entry.name));
    }
  }

  private entry(abs: string): void {
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(abs);
      if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) return; // leaves the root: never followed
      stat = fs.statSync(real);
    } catch (err) {
      // Only files we would index are worth a report: a dangling link to a .png is noise.
      const ext = path.extname(abs).toLowerCase();
      if (!ext || SUPPORTED_EXTENSIONS.includes(ext)) skip(this.skipped, this.rel(abs), reason(err));
      return;
    }
    if (stat.isDirectory()) this.dir(abs);
    else if (stat.isFile()) add(this.files, this.seen, real, this.rel(abs));
    else if (SUPPORTED_EXTENSIONS.includes(path.extname(abs).toLowerCase())) skip(this.skipped, this.rel(abs), 'not a regular file (a FIFO, socket or device); not read');
  }
}
