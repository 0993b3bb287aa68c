import path from 'node:path';
import readline from 'node:readline';
import type { Config } from '../config.js';
import { userMessageOf } from '../errors.js';
import { Asker } from '../knowledge/answer/ask.js';
import { readManifest } from '../knowledge/index/index-store.js';
import { childLogger } from '../log.js';
import { formatResult } from '../terminal/format.js';
import { ingestCommand } from '../terminal/ingest-run.js';
import { renderReport } from '../terminal/report-text.js';

const log = childLogger('console');

export interface ConsoleOptions {
  indexDir?: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  interactive?: boolean;
}

const HELP = `Ask a question about the docs, e.g. "How do I list shipments?" or "Why did we choose cursor pagination?".
Commands: help, reindex (rebuild the index from the configured docs), report (this week's interruption report), quit.`;

/**
 * The local mode: the same capabilities as in Slack, in a terminal. On first run it indexes the
 * bundled sample docs; with stdin not a terminal it answers one question per line and exits.
 */
export async function runConsole(config: Config, options: ConsoleOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as NodeJS.ReadStream).isTTY);
  const indexDir = path.resolve(options.indexDir ?? config.index.dir);
  const say = (s: string) => output.write(s + '\n');

  if (!readManifest(indexDir)) {
    say(`First run: indexing ${config.index.sources.length ? config.index.sources.join(', ') : 'the bundled sample docs'} into ${indexDir} …`);
    const r = await ingestCommand([], { index: indexDir, quiet: !interactive });
    say(`Indexed ${r.files} files into ${r.chunks} chunks.`);
  }
  let asker = await Asker.open(config, indexDir);
  if (interactive) say(`Deskmate local console (${asker.chunkCount} chunks indexed, ${config.openai.apiKey || config.openai.baseUrl ? 'LLM answers on' : 'offline answers'}).\n${HELP}`);

  const rl = readline.createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) rl.setPrompt('deskmate> ');
  if (interactive) rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      if (interactive) rl.prompt();
      continue;
    }
    const command = line.toLowerCase();
    try {
      if (command === 'quit' || command === 'exit') break;
      if (command === 'help' || command === '?') say(HELP);
      else if (command === 'report') say(await renderReport(config));
      else if (command === 'reindex') {
        const r = await ingestCommand([], { index: indexDir, quiet: !interactive });
        await asker.reloadIfChanged();
        asker = asker.chunkCount ? asker : await Asker.open(config, indexDir);
        say(`Re-indexed: ${r.chunks} chunks (${r.embedded} embedded).`);
      } else {
        await asker.reloadIfChanged();
        const result = await asker.ask(line);
        say(formatResult(result));
        if (!interactive) say('');
      }
    } catch (err) {
      log.error({ err: (err as Error).message }, 'console command failed');
      say(`Error: ${userMessageOf(err)}`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
