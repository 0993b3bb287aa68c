import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { applyMigrations } from '../../ingest/loaders/sql-migrations.js';
import { loadConfig } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import type { TableInfo } from '../ports/chunk.js';
import { readIndexData, requireManifest } from '../knowledge/index/index-store.js';
import type { SchemaOrigins } from '../schema/schema-origins.js';
import { partitionsFromChunks, reviewSchema } from '../schema/schema-review.js';
import { formatSchemaReview } from '../schema/schema-review-format.js';

interface SchemaReviewFlags {
  index?: string;
  json?: boolean;
}

export function registerSchemaReview(program: Command): void {
  program
    .command('schema-review')
    .description('Review SQL DDL for a migration: FK dependency order, FK cycles, tables without primary keys, FKs without indexes')
    .argument('[sqlfile...]', 'SQL files or folders of migrations (applied in migration order: numeric/timestamp prefixes; down/rollback scripts skipped). Default: the tables in the docs index')
    .option('--index <dir>', 'the index whose tables to review when no files are given (default: docs-index, or index.dir in config)')
    .option('--json', 'print the review as JSON')
    .addHelpText('after', '\nExamples:\n  deskmate schema-review db/schema.sql\n  deskmate schema-review 001_init.sql 002_owner_fk.sql\n  deskmate schema-review db/migrations/\n  deskmate schema-review --json\n')
    .action((files: string[], flags: SchemaReviewFlags) => schemaReviewCommand(files, flags));
}

/** SQL files under a folder (recursively), paths relative to the current directory as given. */
function sqlFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sqlFilesUnder(p);
    return /\.sql$/i.test(e.name) ? [p] : [];
  });
}

function commonFolder(files: string[]): string {
  let dir = path.dirname(files[0] ?? '.');
  while (!files.every((f) => f.startsWith(dir + path.sep)) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Files and folders → one schema: several files are migrations, applied in the order migration tools use. */
function tablesFromFiles(args: string[]): ReviewSource {
  const files: string[] = [];
  for (const arg of args) {
    const stat = fs.statSync(arg, { throwIfNoEntry: false });
    if (!stat) throw new DeskmateError(ErrorCode.SourceNotFound, `${arg} does not exist. Pass SQL files or a folder of migrations.`);
    if (stat.isDirectory()) {
      const found = sqlFilesUnder(arg);
      if (!found.length) throw new DeskmateError(ErrorCode.SourceNotFound, `${arg} holds no .sql files. Pass SQL files or a folder of migrations.`);
      files.push(...found);
    } else files.push(arg);
  }
  const unique = [...new Set(files.map((f) => path.resolve(f)))];
  // Findings name files relative to the folder they share, so `001_init.sql`, not a long absolute path.
  const base = commonFolder(unique);
  const applied = applyMigrations(unique.map((f) => ({ path: path.relative(base, f) || path.basename(f), content: fs.readFileSync(f) })));
  const multi = applied.files.length > 1;
  return { tables: applied.tables, partitionOf: applied.partitionOf, ...(multi ? { origins: applied.origins, files: applied.files } : {}) };
}

interface ReviewSource {
  tables: TableInfo[];
  partitionOf: Record<string, string>;
  origins?: SchemaOrigins;
  files?: string[];
}

function tablesFromIndex(dir: string): ReviewSource {
  requireManifest(dir);
  const data = readIndexData(dir)!;
  return { tables: data.tables, partitionOf: partitionsFromChunks(data.chunks) };
}

export async function schemaReviewCommand(files: string[], flags: SchemaReviewFlags, out: { write(s: string): unknown } = process.stdout): Promise<void> {
  const source = files.length ? tablesFromFiles(files) : tablesFromIndex(path.resolve(flags.index ?? loadConfig().index.dir));
  if (!source.tables.length) {
    throw new DeskmateError(ErrorCode.SourceNotFound, files.length ? 'No CREATE TABLE statements found in those files.' : 'The index holds no SQL tables. Ingest a schema (`deskmate ingest schema.sql`) or pass SQL files.');
  }
  const review = reviewSchema(source.tables, { partitionOf: source.partitionOf, origins: source.origins, files: source.files });
  out.write(flags.json ? JSON.stringify(review, null, 2) + '\n' : formatSchemaReview(review) + '\n');
}
