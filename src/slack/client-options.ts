import type { WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';

/**
 * How Deskmate's Web API client meets Slack trouble. 429s wait the Retry-After Slack sends and try
 * again (rate-limited calls are never rejected); HTTP 5xx and connection resets are retried with
 * jittered exponential backoff (0.5 s, 1 s, 2 s, … up to 30 s, six attempts, about a minute in
 * all), so a reply is delivered once Slack recovers, and a call never hangs longer than `timeout`.
 * Slack's own `ok: false` errors are answers, not outages, and are not retried.
 */
const SLACK_RETRY_CONFIG = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true };
const SLACK_CALL_TIMEOUT_MS = 30_000;

export type SlackRetryConfig = typeof SLACK_RETRY_CONFIG;

/** `retry` is for tests that prove the retry behaviour without waiting out a minute of real backoff. */
export function slackClientOptions(config: Pick<Config, 'slack'>, retry: SlackRetryConfig = SLACK_RETRY_CONFIG): WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    retryConfig: retry,
    rejectRateLimitedCalls: false,
    timeout: SLACK_CALL_TIMEOUT_MS,
  };
}
