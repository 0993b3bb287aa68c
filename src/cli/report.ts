import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DeskmateError, ErrorCode } from '../errors.js';
import { renderChartPng } from '../metrics/chart.js';
import { loadConfig, type Config } from '../config.js';
import { openMetricsStore } from '../metrics/create.js';
import { formatReportText } from '../metrics/format.js';
import { loadWeeklyReport, reportSettings } from '../metrics/weekly.js';

interface ReportFlags {
  week?: string;
  json?: boolean;
  png?: string;
}

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

async function writeChart(file: string, report: Awaited<ReturnType<typeof loadWeeklyReport>>, workingDays: number[]): Promise<string> {
  const target = path.resolve(file);
  const png = await renderChartPng(report, undefined, { workingDays });
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, png);
  } catch (err) {
    throw new DeskmateError(ErrorCode.UsageError, `Cannot write the chart to ${target}: ${(err as Error).message}. Pass a writable path to --png.`, { cause: err });
  }
  return `Chart written to ${target} (${Math.round(png.length / 1024)} KB).`;
}

/** The report as `deskmate report` prints it (text, or one JSON object); shared with the local console. */
export async function renderReport(config: Config, flags: ReportFlags = {}, now = Date.now()): Promise<string> {
  const store = await openMetricsStore(config);
  try {
    const settings = reportSettings(config);
    const report = await loadWeeklyReport(store, settings, { week: flags.week, now });
    const text = flags.json ? JSON.stringify(report) : formatReportText(report);
    if (!flags.png) return text;
    const written = await writeChart(flags.png, report, settings.workingDays);
    // --json keeps stdout one JSON object; the note goes to stderr there.
    if (flags.json) {
      process.stderr.write(written + '\n');
      return text;
    }
    return `${text}\n${written}`;
  } finally {
    await store.close();
  }
}
