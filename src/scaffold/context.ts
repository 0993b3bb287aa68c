import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';

const MAX_CONVENTIONS_BYTES = 64_000;

/** The configured lint/style file's text, or undefined when none is configured. */
export function readConventions(config: Config, cwd = process.cwd()): string | undefined {
  const file = config.scaffold.conventionsFile;
  if (!file) return undefined;
  const abs = path.resolve(cwd, file);
  try {
    return fs.readFileSync(abs, 'utf8').slice(0, MAX_CONVENTIONS_BYTES);
  } catch (err) {
    throw new DeskmateError(ErrorCode.SourceNotFound, `scaffold.conventionsFile points at ${abs}, which cannot be read. Fix the path in the config or remove the setting.`, { cause: err });
  }
}
