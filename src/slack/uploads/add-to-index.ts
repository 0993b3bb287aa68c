import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import { teamUploadsDir } from '../../paths.js';
import type { DmUpload } from './dm-uploads.js';

/**
 * Where an admin-approved upload goes: the first configured `index.sources` folder, else
 * `<dataDir>/uploads`, which `deskmate ingest` (and so `reindex`) adds to its roots.
 */
export function uploadTargetDir(config: Pick<Config, 'index' | 'dataDir'>): string {
  const folder = config.index.sources.find((s) => {
    try {
      return fs.statSync(s).isDirectory();
    } catch {
      return false;
    }
  });
  return folder ?? teamUploadsDir(config.dataDir);
}

/** Writes the sanitized-at-ingest original under a name that cannot escape the folder; returns the path. */
export function copyUploadToIndexSources(config: Pick<Config, 'index' | 'dataDir'>, upload: DmUpload): string {
  const dir = uploadTargetDir(config);
  fs.mkdirSync(dir, { recursive: true });
  const safe = path.basename(upload.name).replace(/[^\w.-]+/g, '_').replace(/^\.+/, '') || 'upload';
  const target = path.join(dir, safe);
  fs.writeFileSync(target, upload.bytes);
  return target;
}
