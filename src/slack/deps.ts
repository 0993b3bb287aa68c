import type { Config } from '../config.js';
import type { ModelGateway } from '../llm/gateway.js';
import type { DocsIndex } from '../ports/docs-index.js';
import type { AskOptions, AskResult } from '../knowledge/answer/ask.js';
import { allSeniors } from '../escalation/routing.js';
import type { DeskmateStore } from '../store/types.js';
import type { MetricsRecorder } from '../metrics/recorder.js';
import type { MetricsStore } from '../metrics/types.js';

/** What the Slack adapter needs from the knowledge side: answers, and the one docs index of the process. */
export interface AskerLike extends DocsIndex {
  ask(question: string, options?: AskOptions): Promise<AskResult>;
  /** Releases a worker thread, when there is one. */
  close?(): Promise<void>;
}

export interface SlackDeps {
  config: Config;
  asker: AskerLike;
  /** The one model gateway of the process (budget and metering inside). */
  models: ModelGateway;
  store: DeskmateStore;
  /** Re-ingests the configured doc paths (injected so src/slack never imports ingest's pipeline). */
  reindex?: () => Promise<void>;
  botUserId: string;
  now: () => Date;
  /** Interruption metrics; absent means nothing is counted. */
  metrics?: MetricsRecorder;
  /** Where `/deskmate stats` reads the report from (the recorder's store). */
  metricsStore?: MetricsStore;
}

export interface Roles {
  isSenior(user: string): boolean;
  isAdmin(user: string): boolean;
}

export function rolesOf(config: Config): Roles {
  const seniors = allSeniors(config.seniors, config.topics);
  const admins = new Set(config.admins);
  return { isSenior: (u) => seniors.has(u), isAdmin: (u) => admins.has(u) };
}
