import fs from 'node:fs';
import path from 'node:path';

/** The package's own folder, from source (ts-jest) or from dist/ alike. */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'ingest'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the deskmate package root');
    dir = parent;
  }
}

export function bundledSamplesDir(): string {
  return path.join(packageRoot(), 'ingest', 'samples');
}

/** Where admin-approved DM uploads land when no `index.sources` folder is configured; re-indexes include it. */
export function teamUploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}
