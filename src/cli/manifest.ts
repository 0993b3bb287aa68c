import type { Command } from 'commander';
import { slackAppManifest } from '../main.js';

interface ManifestFlags {
  http?: string;
}

export function registerManifest(program: Command): void {
  program
    .command('manifest')
    .description('Print the Slack app manifest (JSON) to paste at api.slack.com/apps → Create New App → From an app manifest')
    .option('--http <base-url>', 'HTTP mode: the public https base URL Slack calls; sets the events, interactivity and slash-command request URLs to <base-url>/slack/events')
    .addHelpText('after', '\nExamples:\n  deskmate manifest                                  # Socket Mode (same as manifest.json)\n  deskmate manifest --http https://deskmate.example.com > manifest.http.json\n')
    .action((flags: ManifestFlags) => manifestCommand(flags));
}

export function manifestCommand(flags: ManifestFlags, io: { stdout: { write(s: string): unknown } } = process): void {
  const manifest = slackAppManifest(flags);
  io.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
}
