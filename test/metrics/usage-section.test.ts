import { configSchema } from '../../src/config';
import { Budget } from '../../src/llm/budget';
import { usageSection } from '../../src/metrics/usage-section';
import { tmpDir } from '../support/tmp';

describe('weekly report: LLM usage section', () => {
  test('counts only the report week, per task and model, with the estimated total', async () => {
    const config = configSchema.parse({ dataDir: tmpDir('deskmate-usage-') });
    const start = Date.UTC(2026, 10, 16);
    const end = start + 6 * 86_400_000; // the report week's last day starts here
    let at = start + 1000;
    const budget = new Budget(config, undefined, () => at);
    await budget.record('answer', 'U1', 'gpt-4o-mini', { inputTokens: 1000, outputTokens: 1000 });
    at = end + 86_400_000 - 1; // last millisecond of Sunday
    await budget.record('review', 'U1', 'mystery-model', { inputTokens: 10, outputTokens: 10 });
    at = end + 86_400_000; // next Monday: another week
    await budget.record('answer', 'U1', 'gpt-4o-mini', { inputTokens: 5000, outputTokens: 5000 });
    await budget.close();

    const section = await usageSection(config, { start, end });
    expect(section.totals.map((t) => [t.task, t.model, t.calls])).toEqual([['answer', 'gpt-4o-mini', 1], ['review', 'mystery-model', 1]]);
    expect(section.lines[0]).toMatch(/answer · gpt-4o-mini: 1 calls, 1,000 in \/ 1,000 out tokens, ~\$0\.0008/);
    expect(section.lines[1]).toMatch(/cost unknown/);
    expect(JSON.stringify(section.blocks)).toMatch(/Language-model usage/);
  });
});
