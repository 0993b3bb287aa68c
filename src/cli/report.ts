import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
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
  io.stdout.write((await renderReport(loadConfig(), flags, now)) + '\n');
}

/** The report as `deskmate report` prints it (text, or one JSON object); shared with the local console. */
export async function renderReport(config: Config, flags: ReportFlags = {}, now = Date.now()): Promise<string> {
  const store = await openMetricsStore(config);
  try {
    const report = await loadWeeklyReport(store, reportSettings(config), { week: flags.week, now });
    return flags.json ? JSON.stringify(report) : formatReportText(report);
  } finally {
    await store.close();
  }
}
