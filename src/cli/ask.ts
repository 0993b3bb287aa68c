import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { Asker, type AskResult } from '../knowledge/answer/ask.js';
import { formatResult } from '../terminal/format.js';

interface AskFlags {
  index?: string;
  json?: boolean;
  jsonl?: boolean;
}

export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('Answer a question from the docs index, or say why it should go to a senior')
    .argument('[question...]', 'the question (quote it or not)')
    .option('--index <dir>', 'the index to search (default: docs-index, or index.dir in config)')
    .option('--json', 'print one JSON object: question, intent, escalate, reason, confidence, answer, sources')
    .option('--jsonl', 'read one question per line on stdin, write one JSON object per line')
    .addHelpText('after', '\nExit codes: 0 answered or escalated, 1 error (e.g. no index: run `deskmate ingest`), 2 bad usage.\nExamples:\n  deskmate ask "How do I list tags?" --json\n  printf "How do I list tags?\\nWhy did we pick Kafka?\\n" | deskmate ask --jsonl\n')
    .action((words: string[], flags: AskFlags) => askCommand(words, flags));
}

export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(s: string): unknown };
}

export async function askCommand(words: string[], flags: AskFlags, io: AskIo = { stdin: process.stdin, stdout: process.stdout }): Promise<void> {
  const question = words.join(' ').trim();
  if (flags.json && flags.jsonl) throw new DeskmateError(ErrorCode.UsageError, '--json and --jsonl cannot be used together.');
  if (flags.jsonl && question) throw new DeskmateError(ErrorCode.UsageError, '--jsonl reads questions from stdin; do not also pass one as an argument.');
  if (!flags.jsonl && !question) throw new DeskmateError(ErrorCode.UsageError, 'Give a question, e.g. `deskmate ask "How do I list tags?"`, or use --jsonl with questions on stdin.');
  const config = loadConfig();
  const asker = await Asker.open(config, flags.index ?? config.index.dir);
  if (flags.jsonl) {
    const rl = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line.trim()) continue;
      io.stdout.write(JSON.stringify(publicResult(await asker.ask(line))) + '\n');
    }
    return;
  }
  const result = await asker.ask(question);
  io.stdout.write(flags.json ? JSON.stringify(publicResult(result)) + '\n' : formatResult(result) + '\n');
}

/** The documented --json shape first, then extras (who answered, fallbacks). */
function publicResult(r: AskResult): Record<string, unknown> {
  const { question, intent, escalate, reason, confidence, answer, sources, ...extra } = r;
  return { question, intent, escalate, reason, confidence, answer, sources, ...extra };
}
