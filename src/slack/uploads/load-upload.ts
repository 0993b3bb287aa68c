import { escapeMrkdwn } from '../blocks/escape.js';
import type { ChunkDraft, TableInfo } from '../../ports/chunk.js';
import { DeskmateError, ErrorCode } from '../../errors.js';
import { loaderFor } from '../../../ingest/loaders/index.js';
import { sanitizeMany } from '../../security/sanitize/index.js';

/** File types a DM upload may be: the formats the docs index reads (YAML/JSON only as OpenAPI). */
const UPLOAD_EXTENSIONS = ['.pdf', '.csv', '.md', '.markdown', '.yaml', '.yml', '.json', '.sql'] as const;

export interface LoadedUpload {
  chunks: ChunkDraft[];
  tables: TableInfo[];
}

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

/** Policy, before any download: the user-facing reason a file is refused, or undefined when it may be read. */
export function uploadProblem(name: string, size: number | undefined, maxBytes: number): string | undefined {
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extensionOf(name))) {
    return `I cannot read *${escapeMrkdwn(name)}*: I take PDF, CSV, Markdown, OpenAPI (YAML or JSON) and SQL files.`;
  }
  if (size !== undefined && size > maxBytes) return `*${escapeMrkdwn(name)}* is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}. Share a smaller file or an excerpt.`;
  return undefined;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}

/** Parses with the ingest loader for its type, then sanitizes every chunk (and table) like an ingest would. */
export async function loadUpload(name: string, bytes: Buffer): Promise<LoadedUpload> {
  const loader = loaderFor(name, bytes);
  if (!loader) throw new DeskmateError(ErrorCode.UnsupportedFile, `*${escapeMrkdwn(name)}* is YAML/JSON but not an OpenAPI document, so I cannot use it. Share an OpenAPI spec, or a PDF, CSV, Markdown or SQL file.`);
  const loaded = await loader(bytes, name);
  if (!loaded.chunks.length) throw new DeskmateError(ErrorCode.ParseFailed, `I found nothing readable in *${escapeMrkdwn(name)}*.`);
  const tables = loaded.tables ?? [];
  const texts = [...loaded.chunks.flatMap((c) => [c.text, c.section]), ...tables.map((t) => JSON.stringify(t))];
  const clean = await sanitizeMany(texts);
  const chunks = loaded.chunks.map((c, i) => ({ ...c, text: clean[i * 2].text, section: clean[i * 2 + 1].text }));
  const cleanTables = tables.map((t, i) => {
    try {
      return { ...(JSON.parse(clean[loaded.chunks.length * 2 + i].text) as TableInfo), path: name };
    } catch {
      // A redaction that broke the JSON: keep the structure, drop the free text where secrets hide.
      return { ...t, path: name, comment: undefined, columns: t.columns.map((c) => ({ ...c, default: undefined, comment: undefined })) };
    }
  });
  return { chunks, tables: cleanTables };
}
