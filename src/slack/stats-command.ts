import type { WebClient } from '@slack/web-api';
import { reportBlocks, reportFallbackText } from '../metrics/blocks.js';
import { loadWeeklyReport, reportSettings } from '../metrics/weekly.js';
import { asKnownBlocks } from './blocks/validate.js';
import type { SlackDeps } from './deps.js';
import { replyPrivately, type PrivateTarget } from './private-reply.js';

/**
 * `/deskmate stats`: the current week's report, for the caller only. Sent through the command's
 * response_url after the ack (so it arrives where the bot is no member), and so a slow store
 * (PostgreSQL over a long history) never misses Slack's 3 s window.
 */
export async function postStats(deps: SlackDeps, client: WebClient, to: PrivateTarget): Promise<void> {
  if (!deps.metricsStore) {
    await replyPrivately(client, to, { text: 'Metrics are not recorded in this deployment, so there is no report to show.' });
    return;
  }
  const report = await loadWeeklyReport(deps.metricsStore, reportSettings(deps.config), { now: deps.now().getTime() });
  // src/metrics builds plain Block Kit JSON (it may not import Slack types); the validator checks it here.
  await replyPrivately(client, to, { text: reportFallbackText(report), blocks: asKnownBlocks(reportBlocks(report)) });
}
