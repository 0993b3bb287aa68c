import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tmpDir(prefix = 'deskmate-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file's bytes under a folder, for "no secret reached the index" checks. */
export function allText(dir: string): string {
  let out = '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    out += entry.isDirectory() ? allText(p) : fs.readFileSync(p).toString('latin1');
  }
  return out;
}
