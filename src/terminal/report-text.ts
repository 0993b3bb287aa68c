import fs from 'node:fs';
import path from 'node:path';
import { DeskmateError, ErrorCode } from '../errors.js';
import { renderChartPng } from '../metrics/chart.js';
import { loadConfig, type Config } from '../config.js';
import { openMetricsStore } from '../metrics/create.js';
import { formatReportText } from '../metrics/format.js';
import { loadWeeklyReport, reportSettings } from '../metrics/weekly.js';

export interface ReportFlags {
  week?: string;
  json?: boolean;
  png?: string;
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
