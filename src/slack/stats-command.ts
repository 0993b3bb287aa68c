import type { WebClient } from '@slack/web-api';
import { reportBlocks, reportFallbackText } from '../metrics/blocks.js';
import { loadWeeklyReport, reportSettings } from '../metrics/weekly.js';
import type { SlackDeps } from './deps.js';

/**
 * `/deskmate stats`: the current week's report, for the caller only. Sent with chat.postEphemeral
 * after the ack, so a slow store (PostgreSQL over a long history) never misses Slack's 3 s window.
 */
export async function postStats(deps: SlackDeps, client: WebClient, to: { channel: string; user: string }): Promise<void> {
  if (!deps.metricsStore) {
    await client.chat.postEphemeral({ ...to, text: 'Metrics are not recorded in this deployment, so there is no report to show.' });
    return;
  }
  const report = await loadWeeklyReport(deps.metricsStore, reportSettings(deps.config), { now: deps.now().getTime() });
  await client.chat.postEphemeral({ ...to, text: reportFallbackText(report), blocks: reportBlocks(report) as never });
}

