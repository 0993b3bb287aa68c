import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { runConsole } from '../console/console.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Run Deskmate: in Slack when Slack tokens are set, otherwise the local console')
    .option('--index <dir>', 'the index to answer from (default: docs-index)')
    .action(async (flags: { index?: string }) => {
      const config = loadConfig();
      if (config.slack.botToken || config.slack.appToken || config.slack.signingSecret) {
        throw new DeskmateError(ErrorCode.ConfigInvalid, 'Slack mode is not available in this build; unset SLACK_* variables to use the local console.');
      }
      await runConsole(config, { indexDir: flags.index });
    });
}
