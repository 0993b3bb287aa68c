import fs from 'node:fs';
import path from 'node:path';
import { DeskmateError, ErrorCode } from '../src/errors.js';
import { SUPPORTED_EXTENSIONS } from './loaders/index.js';

export interface SourceFile {
  absPath: string;
  /** Path as stored in the index. */
  relPath: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'docs-index', 'venv', '__pycache__', 'site-packages', 'coverage']);

/**
 * Resolves the ingest roots to files. One root: paths relative to it (a file: its name).
 * Several: each prefixed with its root's basename. Links that leave their root are skipped,
 * so a crafted docs folder cannot pull /etc/passwd into the index.
 */
export function discoverSources(roots: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const absRoot = path.resolve(root);
    if (!fs.existsSync(absRoot)) {
      throw new DeskmateError(ErrorCode.SourceNotFound, `Cannot ingest ${root}: no such file or folder.`);
    }
    const realRoot = fs.realpathSync(absRoot);
    const prefix = roots.length > 1 ? path.basename(absRoot) : '';
    const stat = fs.statSync(absRoot);
    if (stat.isFile()) {
      add(files, seen, absRoot, prefix ? `${prefix}` : path.basename(absRoot));
      continue;
    }
    walk(realRoot, realRoot, prefix, files, seen);
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return files;
}

function add(files: SourceFile[], seen: Set<string>, absPath: string, relPath: string): void {
  const ext = path.extname(absPath).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) return;
  const normalised = relPath.split(path.sep).join('/');
  if (seen.has(normalised)) return;
  seen.add(normalised);
  files.push({ absPath, relPath: normalised });
}

function walk(dir: string, realRoot: string, prefix: string, files: SourceFile[], seen: Set<string>): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const abs = path.join(dir, entry.name);
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      continue; // dangling link
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) continue;
    const stat = fs.statSync(real);
    const rel = path.relative(realRoot, abs);
    if (stat.isDirectory()) walk(abs, realRoot, prefix, files, seen);
    else if (stat.isFile()) add(files, seen, real, prefix ? path.join(prefix, rel) : rel);
  }
}
