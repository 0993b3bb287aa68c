import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadSql } from '../../ingest/loaders/index.js';
import { loadConfig } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import type { TableInfo } from '../ports/chunk.js';
import { readIndexData, requireManifest } from '../knowledge/index/index-store.js';
import { formatSchemaReview, partitionsFromChunks, reviewSchema } from '../schema/schema-review.js';

interface SchemaReviewFlags {
  index?: string;
  json?: boolean;
}

export function registerSchemaReview(program: Command): void {
  program
    .command('schema-review')
    .description('Review SQL DDL for a migration: FK dependency order, FK cycles, tables without primary keys, FKs without indexes')
    .argument('[sqlfile...]', 'SQL files to review (default: the tables in the docs index)')
    .option('--index <dir>', 'the index whose tables to review when no files are given (default: docs-index, or index.dir in config)')
    .option('--json', 'print the review as JSON')
    .addHelpText('after', '\nExamples:\n  deskmate schema-review db/schema.sql\n  deskmate schema-review --json\n')
    .action((files: string[], flags: SchemaReviewFlags) => schemaReviewCommand(files, flags));
}

async function tablesFromFiles(files: string[]): Promise<{ tables: TableInfo[]; partitionOf: Record<string, string> }> {
  const tables: TableInfo[] = [];
  let partitionOf: Record<string, string> = {};
  for (const file of files) {
    if (!fs.existsSync(file)) throw new DeskmateError(ErrorCode.SourceNotFound, `${file} does not exist. Pass the path of a SQL file.`);
    const loaded = await loadSql(fs.readFileSync(file), path.basename(file));
    tables.push(...(loaded.tables ?? []).map((t) => ({ ...t, path: file })));
    partitionOf = { ...partitionOf, ...partitionsFromChunks(loaded.chunks) };
  }
  return { tables, partitionOf };
}

function tablesFromIndex(dir: string): { tables: TableInfo[]; partitionOf: Record<string, string> } {
  requireManifest(dir);
  const data = readIndexData(dir)!;
  return { tables: data.tables, partitionOf: partitionsFromChunks(data.chunks) };
}

export async function schemaReviewCommand(files: string[], flags: SchemaReviewFlags, out: { write(s: string): unknown } = process.stdout): Promise<void> {
  const source = files.length ? await tablesFromFiles(files) : tablesFromIndex(path.resolve(flags.index ?? loadConfig().index.dir));
  if (!source.tables.length) {
    throw new DeskmateError(ErrorCode.SourceNotFound, files.length ? 'No CREATE TABLE statements found in those files.' : 'The index holds no SQL tables. Ingest a schema (`deskmate ingest schema.sql`) or pass SQL files.');
  }
  const review = reviewSchema(source.tables, { partitionOf: source.partitionOf });
  out.write(flags.json ? JSON.stringify(review, null, 2) + '\n' : formatSchemaReview(review) + '\n');
}
