import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { renderReport, type ReportFlags } from '../terminal/report-text.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('Print the weekly interruption report from the store in DESKMATE_DATA_DIR (or DATABASE_URL)')
    .option('--week <YYYY-Www>', 'the ISO week to report, e.g. 2026-W09 (default: the current week)')
    .option('--png <file>', 'also write the weekly chart (the one posted to Slack) as a PNG file')
    .option('--json', 'print every figure as one JSON object (questions, answered, escalated, deflection_rate, interruptions_per_day, median_time_to_answer_s, knowledge_gaps, …)')
    .addHelpText('after', '\nWeeks run Monday 00:00 to Monday 00:00 in report.timezone. Exit codes: 0 printed (also for an empty week), 1 store error, 2 bad usage.\n')
    .action((flags: ReportFlags) => reportCommand(flags));
}

export async function reportCommand(flags: ReportFlags, io: { stdout: { write(s: string): unknown } } = process, now = Date.now()): Promise<void> {
  io.stdout.write((await renderReport(loadConfig(), flags, now)) + '\n');
}
