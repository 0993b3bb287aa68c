import type { Command } from 'commander';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('Build the docs index from Markdown, OpenAPI, SQL DDL, PDF and CSV sources (default: the bundled sample set)')
    .argument('[paths...]', 'files or folders to index')
    .option('--index <dir>', 'where to write the index')
    .option('--embedder <name>', 'local | openai')
    .action(async () => {
      process.stdout.write('ingest: not implemented yet\n');
    });
}
