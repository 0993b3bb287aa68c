import { configSchema } from '../../src/config';
import { Asker } from '../../src/knowledge/answer/ask';
import { BudgetedGateway } from '../../src/llm/gateway';
import { Budget, budgetVerdict, formatUsageLines, monthStartUtc } from '../../src/llm/budget';
import { estimateCost, usageFromResponse } from '../../src/llm/usage';
import { PostgresUsageStore, SqliteUsageStore, type UsageStore } from '../../src/llm/usage-store';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { tmpDir } from '../support/tmp';
import { buildSampleIndex } from '../slack/harness';

describe('usage from LangChain responses', () => {
  it.each([
    ['usage_metadata on the message', { usage_metadata: { input_tokens: 120, output_tokens: 30, total_tokens: 150 } }, { inputTokens: 120, outputTokens: 30 }],
    ['response_metadata.tokenUsage', { response_metadata: { tokenUsage: { promptTokens: 7, completionTokens: 3 } } }, { inputTokens: 7, outputTokens: 3 }],
    ['LLMResult llmOutput.tokenUsage', { llmOutput: { tokenUsage: { promptTokens: 5, completionTokens: 0 } } }, { inputTokens: 5, outputTokens: 0 }],
    ['nothing reported', { content: 'hi' }, undefined],
  ])('%s', (_name, response, expected) => {
    expect(usageFromResponse(response)).toEqual(expected);
  });
});

describe('cost estimate', () => {
  const config = configSchema.parse({ models: { review: { model: 'my-local', costPer1kInput: 0.01, costPer1kOutput: 0.02 } } });
  it('uses the task\'s configured prices first', () => {
    expect(estimateCost(config, 'review', 'my-local', { inputTokens: 2000, outputTokens: 1000 })).toEqual({ usd: 0.04, basis: 'config' });
  });
  it('prices dated model names by the longest matching table entry', () => {
    const mini = estimateCost(config, 'answer', 'gpt-4o-mini-2024-07-18', { inputTokens: 1000, outputTokens: 1000 });
    const full = estimateCost(config, 'answer', 'gpt-4o-2024-08-06', { inputTokens: 1000, outputTokens: 1000 });
    expect(mini.basis).toBe('table');
    expect(full.usd).toBeGreaterThan(mini.usd * 10);
  });
  it('prices an unknown model at 0 and says so', () => {
    expect(estimateCost(config, 'answer', 'llama3:8b', { inputTokens: 1000, outputTokens: 1000 })).toEqual({ usd: 0, basis: 'unknown' });
  });
});

describe('budget policy', () => {
  const base = { task: 'answer' as const, perUserPerHour: 3, taskSpendThisMonth: 0 };
  it.each([
    ['under both limits', { ...base, userCallsLastHour: 2 }, undefined],
    ['at the hourly rate', { ...base, userCallsLastHour: 3 }, 'rate_limited'],
    ['at the monthly cap', { ...base, userCallsLastHour: 0, taskSpendThisMonth: 5, monthlyCapUsd: 5 }, 'spending_cap'],
    ['cap wins over rate (it binds everyone)', { ...base, userCallsLastHour: 9, taskSpendThisMonth: 6, monthlyCapUsd: 5 }, 'spending_cap'],
    ['a zero cap stops the task outright', { ...base, userCallsLastHour: 0, monthlyCapUsd: 0 }, 'spending_cap'],
  ])('%s', (_name, facts, fallback) => {
    const v = budgetVerdict(facts);
    expect(v.fallback).toBe(fallback);
    expect(v.allowed).toBe(fallback === undefined);
    if (fallback) expect(v.message).toMatch(/offline answer/);
  });
  it('months start on the UTC first', () => {
    expect(new Date(monthStartUtc(Date.UTC(2026, 10, 30, 23, 59))).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});

const backends: Array<{ name: string; open(): Promise<{ store: UsageStore; reopen(): Promise<UsageStore> }> }> = [
  { name: 'sqlite', open: async () => { const dir = tmpDir('deskmate-usage-'); return { store: SqliteUsageStore.open(dir), reopen: async () => SqliteUsageStore.open(dir) }; } },
];
const pgServer = testDatabaseUrl();
if (pgServer) backends.push({ name: 'postgres', open: async () => { const db = await freshDatabase(pgServer); return { store: await PostgresUsageStore.open(db.url), reopen: () => PostgresUsageStore.open(db.url) }; } });

describe.each(backends)('usage store ($name)', (backend) => {
  it('rate limit and monthly cap survive a restart; totals group by task and model', async () => {
    const config = configSchema.parse({ limits: { perUserPerHour: 2, monthlyCapUsd: { review: 0.001 } }, models: { review: { costPer1kInput: 0.01, costPer1kOutput: 0.01 } } });
    const now = Date.UTC(2026, 10, 20, 12);
    const { store, reopen } = await backend.open();
    const first = new Budget(config, store, () => now);
    await first.record('answer', 'U1', 'gpt-4o-mini', { inputTokens: 1000, outputTokens: 100 });
    await first.record('answer', 'U1', 'gpt-4o-mini', { inputTokens: 500, outputTokens: 50 });
    await first.record('review', 'U2', 'house-model', { inputTokens: 100, outputTokens: 0 });
    await first.record('answer', 'U3', 'llama3', undefined);
    await first.close();

    const second = new Budget(config, await reopen(), () => now + 60_000);
    expect(await second.check('answer', 'U1')).toMatchObject({ allowed: false, fallback: 'rate_limited' });
    expect(await second.check('answer', 'U2')).toMatchObject({ allowed: true });
    expect(await second.check('review', 'U3')).toMatchObject({ allowed: false, fallback: 'spending_cap' });
    const later = new Budget(config, await reopen(), () => now + 2 * 3_600_000);
    expect(await later.check('answer', 'U1')).toMatchObject({ allowed: true });

    const totals = await second.totals(now - 1, now + 1);
    expect(totals).toEqual([
      { task: 'answer', model: 'gpt-4o-mini', calls: 2, inputTokens: 1500, outputTokens: 150, usd: 0.000315, unpricedCalls: 0 },
      { task: 'answer', model: 'llama3', calls: 1, inputTokens: 0, outputTokens: 0, usd: 0, unpricedCalls: 1 },
      { task: 'review', model: 'house-model', calls: 1, inputTokens: 100, outputTokens: 0, usd: 0.001, unpricedCalls: 0 },
    ]);
    const lines = formatUsageLines(totals);
    expect(lines.find((l) => l.startsWith('answer · llama3'))).toMatch(/cost unknown/);
    expect(lines.at(-1)).toMatch(/Estimated total: ~\$0\.0013.*costPer1kInput/);
    await second.close();
    await later.close();
  });
});

describe('Asker with a budget (loopback LLM)', () => {
  let fake: FakeOpenAI;
  let indexDir: string;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    indexDir = await buildSampleIndex();
  });
  afterAll(() => fake.close());

  function config(limits: Record<string, unknown>) {
    return configSchema.parse({ openai: { baseUrl: fake.baseUrl }, models: { answer: { model: 'gpt-4o-mini' } }, limits, dataDir: tmpDir('deskmate-usage-') });
  }

  it('records tokens per task, then answers offline past the per-user rate, saying why', async () => {
    fake.setChat({ kind: 'reply', content: 'Call GET /shipments [1].' });
    const c = config({ perUserPerHour: 1 });
    const budget = new Budget(c);
    const asker = await Asker.open(c, indexDir, new BudgetedGateway(c, budget));
    const first = await asker.ask('How do I list shipments?', { user: 'U1' });
    expect(first.answeredBy).toBe('gpt-4o-mini');
    const second = await asker.ask('How do I list shipments?', { user: 'U1' });
    expect(second).toMatchObject({ answeredBy: 'extractive', fallback: 'rate_limited' });
    expect(second.answer).toContain('GET /shipments');
    expect(second.answer).toMatch(/1 language-model answers for this hour/);
    expect((await asker.ask('How do I list shipments?', { user: 'U2' })).answeredBy).toBe('gpt-4o-mini');
    const totals = await budget.totals(0, Date.now() + 1);
    expect(totals).toEqual([expect.objectContaining({ task: 'answer', model: 'gpt-4o-mini', calls: 2, inputTokens: 20, outputTokens: 10 })]);
    expect(totals[0].usd).toBeGreaterThan(0);
    await budget.close();
  });

  it('answers offline once the monthly cap for the task is spent', async () => {
    const c = config({ monthlyCapUsd: { answer: 0 } });
    const asker = await Asker.open(c, indexDir);
    const before = fake.chatRequests.length;
    const r = await asker.ask('How do I list shipments?', { user: 'U1' });
    expect(r).toMatchObject({ answeredBy: 'extractive', fallback: 'spending_cap' });
    expect(r.answer).toMatch(/spending cap for answer/);
    expect(fake.chatRequests.length).toBe(before);
    await asker.models.close();
  });
});
