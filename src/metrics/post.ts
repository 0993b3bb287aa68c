import { childLogger } from '../log.js';
import { reportBlocks, reportFallbackText, type Block } from './blocks.js';
import type { ReportWeek } from './week.js';
import { renderChartPng } from './chart.js';
import { DAY_MS, type WeeklyReport } from './report.js';
import type { MetricsStore } from './types.js';
import { loadWeeklyReport, type ReportSettings } from './weekly.js';
import { weekContaining } from './week.js';

const log = childLogger('metrics.post');

/** What posting needs from Slack; `webClientPoster` adapts a Web API client to it. */
export interface ReportPoster {
  postMessage(channel: string, text: string, blocks: Block[]): Promise<void>;
  uploadPng(channel: string, png: Buffer, filename: string, title: string): Promise<void>;
}

/** The slice of @slack/web-api's WebClient used here, typed structurally so metrics stays free of Slack types. */
interface WebClientLike {
  chat: { postMessage(args: { channel: string; text: string; blocks: Block[] }): Promise<unknown> };
  files: { uploadV2(args: { channel_id: string; file: Buffer; filename: string; title: string }): Promise<unknown> };
}

function webClientPoster(client: WebClientLike): ReportPoster {
  return {
    postMessage: async (channel, text, blocks) => {
      await client.chat.postMessage({ channel, text, blocks });
    },
    uploadPng: async (channel, file, filename, title) => {
      await client.files.uploadV2({ channel_id: channel, file, filename, title });
    },
  };
}

export interface PostReportOptions {
  store: MetricsStore;
  settings: ReportSettings;
  poster: ReportPoster;
  channel: string;
  skipEmptyWeek?: boolean;
  now?: number;
  /** More sections for the same message (e.g. LLM usage and cost), given the week reported. */
  extraBlocks?: (week: ReportWeek) => Promise<Block[]>;
}

/**
 * Posts the report for the week containing the day before `now` (a Monday-morning run reports the
 * week just ended; a Friday-evening run, the current one): blocks, then the chart.
 */
export async function postWeeklyReport(opts: PostReportOptions): Promise<{ status: 'posted' | 'no_data' | 'skipped'; report: WeeklyReport }> {
  const now = opts.now ?? Date.now();
  const reportWeek = weekContaining(now - DAY_MS, opts.settings.timezone);
  const week = reportWeek.label;
  const report = await loadWeeklyReport(opts.store, opts.settings, { week, now });
  if (!report.has_data && opts.skipEmptyWeek) {
    log.info({ week }, 'weekly report skipped: no data');
    return { status: 'skipped', report };
  }
  const extra = report.has_data && opts.extraBlocks ? await opts.extraBlocks(reportWeek).catch((err: Error) => (log.warn({ err: err.message }, 'extra report section failed'), [])) : [];
  await opts.poster.postMessage(opts.channel, reportFallbackText(report), [...reportBlocks(report), ...extra].slice(0, 50));
  if (!report.has_data) return { status: 'no_data', report };
  const png = await renderChartPng(report);
  await opts.poster.uploadPng(opts.channel, png, `deskmate-${report.week}.png`, `Senior interruptions per day, ${report.week}`);
  log.info({ week, questions: report.questions }, 'weekly report posted');
  return { status: 'posted', report };
}
