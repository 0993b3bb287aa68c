import { Command, CommanderError } from 'commander';
import { isDeskmateError, ErrorCode } from '../errors.js';
import { rootLogger } from '../log.js';
import { registerCopy } from './copy.js';
import { registerIngest } from './ingest.js';
import { registerAsk } from './ask.js';
import { registerStart } from './start.js';
import { registerSchemaReview } from './schema-review.js';
import { registerScaffold } from './scaffold.js';
import { registerReport } from './report.js';
import { registerManifest } from './manifest.js';

export function buildProgram(): Command {
  const program = new Command('deskmate')
    .description('Deskmate: answers what/how questions from your sanitized docs, escalates why-questions to the right senior.')
    .showHelpAfterError('(run `deskmate --help` for usage)')
    .exitOverride();
  registerIngest(program);
  registerCopy(program);
  registerAsk(program);
  registerStart(program);
  registerSchemaReview(program);
  registerScaffold(program);
  registerReport(program);
  registerManifest(program);
  return program;
}

/** Exit codes: 0 ok, 1 an error with a message that says what to do, 2 bad usage. */
export async function run(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) {
        process.exitCode = 0;
        return;
      }
      process.exitCode = 2;
      return;
    }
    if (isDeskmateError(err)) {
      process.stderr.write(`deskmate: ${err.userMessage}\n`);
      process.exitCode = err.code === ErrorCode.UsageError ? 2 : 1;
      return;
    }
    rootLogger.error({ err }, 'unexpected failure');
    process.stderr.write(`deskmate: unexpected failure: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
