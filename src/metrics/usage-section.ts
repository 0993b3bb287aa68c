import type { Config } from '../config.js';
import { formatUsageLines, usageTotalsFor } from '../llm/budget.js';
import type { UsageTotal } from '../llm/usage-store.js';
import type { Block } from './blocks.js';
import { DAY_MS } from './report.js';

/**
 * The weekly report's "LLM usage" section: tokens and estimated cost per task and model for the
 * report week ([start, end + 1 day), as the report's own figures). To show it, append `blocks` to
 * `reportBlocks(report)` in post.ts and `lines` to the text format.
 */
export async function usageSection(config: Pick<Config, 'databaseUrl' | 'dataDir'>, week: { start: number; end: number }): Promise<{ totals: UsageTotal[]; lines: string[]; blocks: Block[] }> {
  const totals = await usageTotalsFor(config, week.start, week.end + DAY_MS);
  const lines = formatUsageLines(totals);
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: '*Language-model usage (estimated)*' } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: lines.join('\n').slice(0, 2000) }] },
  ];
  return { totals, lines, blocks };
}
