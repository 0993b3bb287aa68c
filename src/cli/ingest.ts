import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { ingestCommand, redactionsInIndex, summarize, type IngestFlags } from '../terminal/ingest-run.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('Build the docs index from Markdown, OpenAPI, SQL DDL, PDF and CSV sources, sanitized (default: the bundled sample set)')
    .argument('[paths...]', 'files or folders to index; with several, stored paths are prefixed with each root\'s name')
    .option('--index <dir>', 'where to write the index (default: docs-index, or index.dir in config)')
    .option('--embedder <name>', 'local (offline, default) | openai (needs OPENAI_API_KEY or OPENAI_BASE_URL)')
    .option('--json', 'print the result as one JSON object')
    .option('-q, --quiet', 'no progress output')
    .option('--allow-empty', 'write an empty index when the paths hold no file to index (otherwise an error)')
    .addHelpText('after', '\nRe-running re-embeds only changed files and drops files no longer under the given paths.\nExamples:\n  deskmate ingest                      # the bundled sample docs\n  deskmate ingest ./docs ./schema.sql  # your docs\n')
    .action(async (paths: string[], flags: IngestFlags) => {
      const result = await ingestCommand(paths, flags);
      if (flags.json) process.stdout.write(JSON.stringify(result) + '\n');
      else process.stdout.write(summarize(result, redactionsInIndex(path.resolve(flags.index ?? loadConfig().index.dir))));
      if (result.failed.length && result.chunks === 0) process.exitCode = 1;
    });
}
