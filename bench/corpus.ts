import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/paths.js';

/** The shared third-party corpus beside the project, or null in a user's clone (which has none). */
export function sharedDir(): string | null {
  const dir = path.resolve(packageRoot(), '..', 'shared');
  return fs.existsSync(path.join(dir, 'corpus')) ? dir : null;
}

export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The dev corpus of other real projects' docs kept in the repository (tuning data, not held out). */
export function devCorpusDir(): string | null {
  const dir = path.resolve(packageRoot(), 'test', 'fixtures', 'devcorpus');
  return fs.existsSync(path.join(dir, 'qa-dev.jsonl')) ? dir : null;
}
