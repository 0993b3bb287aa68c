import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, type Manifest } from './manifest.js';

/**
 * Where a build's files live. Each ingest writes a complete build into builds/<time>-<pid>/ and then
 * switches to it by renaming one file, manifest.json, whose `build` names the directory: a reader
 * sees the old build or the new one, never a mix, and a kill at any moment leaves the old one
 * answering. The build that was replaced stays until the next ingest starts (a process that read the
 * old manifest a moment before the switch can still open it); that run removes it and anything a
 * killed run left behind. Indexes from before this layout keep their files beside the manifest.
 */
const BUILDS_DIR = 'builds';
export const FILES = {
  index: 'hnswlib.index',
  args: 'args.json',
  docstore: 'docstore.json',
  offsets: 'docstore.offsets',
  vectors: 'vectors.f32',
  graph: 'schema-graph.json',
  lexical: 'lexical.bin',
  catalog: 'catalog.json',
} as const;

/** The directory holding a manifest's build files. */
export function buildPath(dir: string, manifest: Pick<Manifest, 'build'>): string {
  return manifest.build ? path.join(dir, manifest.build) : dir;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pidOf = (name: string) => Number(/-(\d+)$/.exec(name)?.[1] ?? NaN);

/**
 * Removes what no reader can need: builds other than the current one (unless another live ingest is
 * writing them), and the leftovers of killed runs (hnswlib.index.build-PID, *.tmp-PID).
 * Returns the names removed.
 */
export function removeStaleBuilds(dir: string, current: string | undefined): string[] {
  const removed: string[] = [];
  const buildsDir = path.join(dir, BUILDS_DIR);
  if (fs.existsSync(buildsDir)) {
    for (const name of fs.readdirSync(buildsDir)) {
      const rel = `${BUILDS_DIR}/${name}`;
      // A live ingest's unfinished build (its own copy of the manifest is written last) is left alone.
      const unfinished = !fs.existsSync(path.join(buildsDir, name, MANIFEST_FILE));
      if (rel === current || (unfinished && pidAlive(pidOf(name)) && pidOf(name) !== process.pid)) continue;
      fs.rmSync(path.join(buildsDir, name), { recursive: true, force: true });
      removed.push(rel);
    }
  }
  if (!fs.existsSync(dir)) return removed;
  for (const name of fs.readdirSync(dir)) {
    const leftover = /\.(?:build|tmp)-(\d+)$/.exec(name);
    // A flat (pre-builds/) index's files go once a manifest names a build instead.
    const legacy = current !== undefined && (Object.values(FILES) as string[]).includes(name);
    if ((leftover && !pidAlive(Number(leftover[1]))) || legacy) {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** A fresh, empty build directory; its name sorts by time and carries the writer's pid. */
export function newBuildDir(dir: string): { rel: string; abs: string } {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18);
  for (let n = 0; ; n++) {
    const rel = `${BUILDS_DIR}/${stamp}${n ? `.${n}` : ''}-${process.pid}`;
    const abs = path.join(dir, rel);
    if (fs.existsSync(abs)) continue;
    fs.mkdirSync(abs, { recursive: true });
    return { rel, abs };
  }
}

/** The switch: manifest.json replaced by one rename, after every file it names is complete. */
export function switchTo(dir: string, manifest: Manifest): void {
  const file = path.join(dir, MANIFEST_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 2));
  fs.renameSync(tmp, file);
}
