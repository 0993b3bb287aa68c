import type { Command } from 'commander';
import { startDeskmate } from '../main.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Run Deskmate: Socket Mode with SLACK_BOT_TOKEN+SLACK_APP_TOKEN, HTTP with SLACK_BOT_TOKEN+SLACK_SIGNING_SECRET, otherwise the local console')
    .option('--index <dir>', 'the index to answer from (default: docs-index, or index.dir in config)')
    .option('--reset-store', 'if the SQLite state file is empty or damaged, move it aside (kept as deskmate.sqlite.bad-<time>) and start fresh')
    .addHelpText('after', '\nHTTP mode listens on PORT (default 3000): POST /slack/events, GET /healthz (200 once ready).\nState (dedupe, pending questions, escalations) lives in SQLite under DESKMATE_DATA_DIR (default ./data).\n')
    .action((flags: { index?: string; resetStore?: boolean }) => startDeskmate(flags));
}
