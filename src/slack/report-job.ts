import { usageSection } from '../metrics/usage-section.js';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import { childLogger } from '../log.js';
import { asKnownBlocks } from './blocks/validate.js';
import { postWeeklyReport, type ReportPoster } from '../metrics/post.js';
import { scheduleWeeklyReport, type ScheduledReport } from '../metrics/scheduler.js';
import type { MetricsStore } from '../metrics/types.js';
import { reportSettings } from '../metrics/weekly.js';

const log = childLogger('slack.report');

/** The chart's file name in Slack; one name so the dashboard channel's files list reads consistently. */
export const CHART_FILENAME = 'interruptions.png';

/**
 * Posts with the Web API client: blocks via chat.postMessage, the chart via files.uploadV2
 * (files.getUploadURLExternal → POST the bytes → files.completeUploadExternal).
 */
function slackReportPoster(client: WebClient): ReportPoster {
  return {
    postMessage: async (channel, text, blocks) => {
      await client.chat.postMessage({ channel, text, blocks: asKnownBlocks(blocks) });
    },
    uploadPng: async (channel, png, _filename, title) => {
      await client.filesUploadV2({ channel_id: channel, file: png, filename: CHART_FILENAME, title });
    },
  };
}

/** One weekly-report run: what the schedule calls (exported so tests and ops can trigger it). */
export async function runWeeklyReportJob(input: { config: Config; store: MetricsStore; client: WebClient; now?: number }): Promise<'posted' | 'no_data' | 'skipped' | 'no_channel'> {
  const channel = input.config.report.dashboardChannel;
  if (!channel) {
    log.info('weekly report not posted: report.dashboardChannel is not set');
    return 'no_channel';
  }
  const { status } = await postWeeklyReport({ store: input.store, settings: reportSettings(input.config), poster: slackReportPoster(input.client), channel, skipEmptyWeek: input.config.report.skipEmptyWeek, now: input.now, extraBlocks: async (week) => (await usageSection(input.config, week)).blocks });
  return status;
}

/** Schedules the weekly post in the team's timezone; without a dashboard channel, says so once and schedules nothing. */
export function scheduleReportJob(input: { config: Config; store: MetricsStore; client: WebClient }): ScheduledReport | undefined {
  const { cron, timezone, dashboardChannel } = input.config.report;
  if (!dashboardChannel) {
    log.info('weekly report not scheduled: set report.dashboardChannel to post it');
    return undefined;
  }
  return scheduleWeeklyReport(cron, timezone, () => runWeeklyReportJob(input));
}
