import type { LoadedSource } from '../../src/ports/chunk.js';
import { CODE_EXTENSIONS, loadCode, loadDependencies } from './code.js';
import { isDependencyFile } from './code-deps.js';
import { loadCsv } from './csv.js';
import { isDecisionRecord, loadDecisionRecord } from './decision-record.js';
import { loadMarkdown } from './markdown.js';
import { loadOpenApi } from './openapi.js';
import { loadPdf } from './pdf.js';
import { loadSql } from './sql.js';
import { loadText } from './text.js';
import { loadToml } from './toml.js';

export type Loader = (content: Buffer, relPath: string) => Promise<LoadedSource>;

export const SUPPORTED_EXTENSIONS: string[] = ['.md', '.markdown', '.mdx', '.yaml', '.yml', '.json', '.sql', '.pdf', '.csv', '.txt', '.toml', ...Object.keys(CODE_EXTENSIONS)];

const BY_EXTENSION: Record<string, Loader> = {
  '.md': loadMarkdown,
  '.markdown': loadMarkdown,
  '.mdx': loadMarkdown,
  '.sql': loadSql,
  '.pdf': loadPdf,
  '.csv': loadCsv,
  '.txt': loadText,
  '.toml': loadToml,
  ...Object.fromEntries(Object.keys(CODE_EXTENSIONS).map((ext) => [ext, loadCode])),
};

function extensionOf(relPath: string): string {
  const m = /\.[^./\\]+$/.exec(relPath);
  return m ? m[0].toLowerCase() : '';
}

/**
 * Whether a YAML/JSON file is an OpenAPI or Swagger document, by a cheap look at its text
 * (a top-level `openapi:`/`swagger:` key, or the JSON property), without parsing it.
 */
function looksLikeOpenApi(relPath: string, content: Buffer): boolean {
  const text = content.toString('utf8', 0, Math.min(content.length, 200_000)).replace(/^\uFEFF/, '');
  if (extensionOf(relPath) === '.json') return /"(openapi|swagger)"\s*:\s*"\d/.test(text);
  return /^["']?(openapi|swagger)["']?\s*:\s*["']?\d/m.test(text);
}

/**
 * The loader for a file, by extension — and for .yaml/.yml/.json by content: OpenAPI and
 * Swagger documents get the OpenAPI loader; other YAML/JSON (configs, fixtures) are skipped.
 */
export function loaderFor(relPath: string, content: Buffer): Loader | undefined {
  const ext = extensionOf(relPath);
  // Dependency manifests go by name, before .json (OpenAPI check) and .txt (plain text) claim them.
  if (isDependencyFile(relPath)) return loadDependencies;
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') return looksLikeOpenApi(relPath, content) ? loadOpenApi : undefined;
  if (BY_EXTENSION[ext] === loadMarkdown && isDecisionRecord(relPath, content.toString('utf8', 0, Math.min(content.length, 100_000)))) return loadDecisionRecord;
  return BY_EXTENSION[ext];
}

export { loadCode, loadDependencies, loadCsv, loadMarkdown, loadOpenApi,  loadSql,  loadToml };
