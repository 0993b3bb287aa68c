import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openMetricsStore } from '../metrics/create.js';
import { formatReportText } from '../metrics/format.js';
import { loadWeeklyReport, reportSettings } from '../metrics/weekly.js';

interface ReportFlags {
  week?: string;
  json?: boolean;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('Print the weekly interruption report from the store in DESKMATE_DATA_DIR (or DATABASE_URL)')
    .option('--week <YYYY-Www>', 'the ISO week to report, e.g. 2026-W09 (default: the current week)')
    .option('--json', 'print every figure as one JSON object (questions, answered, escalated, deflection_rate, interruptions_per_day, median_time_to_answer_s, knowledge_gaps, …)')
    .addHelpText('after', '\nWeeks run Monday 00:00 to Monday 00:00 in report.timezone. Exit codes: 0 printed (also for an empty week), 1 store error, 2 bad usage.\n')
    .action((flags: ReportFlags) => reportCommand(flags));
}

export async function reportCommand(flags: ReportFlags, io: { stdout: { write(s: string): unknown } } = process, now = Date.now()): Promise<void> {
  const config = loadConfig();
  const settings = reportSettings(config);
  const store = await openMetricsStore(config);
  try {
    const report = await loadWeeklyReport(store, settings, { week: flags.week, now });
    io.stdout.write(flags.json ? JSON.stringify(report) + '\n' : formatReportText(report) + '\n');
  } finally {
    await store.close();
  }
}
