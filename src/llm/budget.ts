import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import type { LLMResult } from '@langchain/core/outputs';
import type { Config, LlmTask } from '../config.js';
import { childLogger } from '../log.js';
import { estimateCost, usageFromResponse, type TokenUsage } from './usage.js';
import { openUsageStore, type UsageStore, type UsageTotal } from './usage-store.js';

const log = childLogger('llm.budget');
const HOUR_MS = 3_600_000;

type BudgetBlock = 'rate_limited' | 'spending_cap';

export interface BudgetVerdict {
  allowed: boolean;
  /** Why the offline path answers instead (AskResult.fallback). */
  fallback?: BudgetBlock;
  /** Fit for the user: what limit was hit and when it lifts. */
  message?: string;
}

export interface BudgetFacts {
  task: LlmTask;
  userCallsLastHour: number;
  perUserPerHour: number;
  taskSpendThisMonth: number;
  monthlyCapUsd?: number;
}

/** Policy: the team's monthly cap for the task first (it binds everyone), then the asker's hourly rate. */
export function budgetVerdict(f: BudgetFacts): BudgetVerdict {
  if (f.monthlyCapUsd !== undefined && f.taskSpendThisMonth >= f.monthlyCapUsd) {
    return { allowed: false, fallback: 'spending_cap', message: `This month's spending cap for ${f.task} ($${f.monthlyCapUsd.toFixed(2)}) is reached, so the language model is paused until next month; this is the offline answer.` };
  }
  if (f.userCallsLastHour >= f.perUserPerHour) {
    return { allowed: false, fallback: 'rate_limited', message: `You have used your ${f.perUserPerHour} language-model answers for this hour; this is the offline answer. Full answers resume within the hour.` };
  }
  return { allowed: true };
}

/** First instant of the UTC calendar month containing `at`. */
export function monthStartUtc(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/**
 * Per-task usage, rate limit and spending cap over a persistent UsageStore. The store opens on first
 * use, so offline runs (no LLM configured) never touch the database.
 */
export class Budget {
  private store?: Promise<UsageStore>;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly config: Pick<Config, 'models' | 'limits' | 'databaseUrl' | 'dataDir'>,
    store?: UsageStore,
    private readonly now: () => number = Date.now,
  ) {
    if (store) this.store = Promise.resolve(store);
  }

  private open(): Promise<UsageStore> {
    this.store ??= openUsageStore(this.config);
    return this.store;
  }

  /** May this user use the task's model now? Without a user (CLI, console) only the cap applies. */
  async check(task: LlmTask, user?: string): Promise<BudgetVerdict> {
    await this.settled();
    try {
      const store = await this.open();
      const now = this.now();
      return budgetVerdict({
        task,
        userCallsLastHour: user ? await store.userCallsSince(user, now - HOUR_MS) : 0,
        perUserPerHour: this.config.limits.perUserPerHour,
        taskSpendThisMonth: await store.taskSpendSince(task, monthStartUtc(now)),
        monthlyCapUsd: this.config.limits.monthlyCapUsd[task],
      });
    } catch (err) {
      // A usage table we cannot read must not stop answers: log it and let the model answer.
      log.error({ err: (err as Error).message, task }, 'budget check failed; allowing the call');
      return { allowed: true };
    }
  }

  /** Records one call's tokens and estimated cost (a call without reported usage still counts towards the rate). */
  async record(task: LlmTask, user: string | undefined, model: string, usage: TokenUsage | undefined): Promise<void> {
    const tokens = usage ?? { inputTokens: 0, outputTokens: 0 };
    const cost = estimateCost(this.config, task, model, tokens);
    try {
      const store = await this.open();
      await store.record({ at: this.now(), task, user: user ?? '', model, ...tokens, usd: cost.usd, priced: cost.basis !== 'unknown' });
    } catch (err) {
      log.error({ err: (err as Error).message, task, model }, 'could not record LLM usage');
    }
  }

  /** A callback that records the usage of every call a model completes under this task and user. */
  meterHandler(task: LlmTask, user: string | undefined, modelName: string): BaseCallbackHandler {
    return BaseCallbackHandler.fromMethods({
      handleLLMEnd: (output: LLMResult) => {
        const message = (output.generations?.[0]?.[0] as { message?: unknown } | undefined)?.message;
        const usage = usageFromResponse(message) ?? usageFromResponse(output);
        const p = this.record(task, user, modelName, usage);
        this.pending.add(p);
        void p.finally(() => this.pending.delete(p));
      },
    });
  }

  /** Resolves when every usage record started so far is written (checks and tests read after this). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Per task and model totals for [from, to): the weekly report's "LLM usage" lines. */
  async totals(from: number, to: number): Promise<UsageTotal[]> {
    await this.settled();
    return (await this.open()).totals(from, to);
  }

  async close(): Promise<void> {
    await this.settled();
    if (this.store) await (await this.store).close();
  }
}

/** Report lines: "answer · gpt-4o-mini: 12 calls, 3,400 in / 800 out tokens, ~$0.0010" (+ a note for unpriced models). */
export function formatUsageLines(totals: UsageTotal[]): string[] {
  if (!totals.length) return ['No language-model calls this week.'];
  const lines = totals.map((t) => `${t.task} · ${t.model}: ${t.calls} calls, ${t.inputTokens.toLocaleString('en-US')} in / ${t.outputTokens.toLocaleString('en-US')} out tokens, ${t.unpricedCalls === t.calls ? 'cost unknown' : `~$${t.usd.toFixed(4)}`}`);
  const total = totals.reduce((s, t) => s + t.usd, 0);
  lines.push(`Estimated total: ~$${total.toFixed(4)}${totals.some((t) => t.unpricedCalls) ? ' (some models have no known price: set models.<task>.costPer1kInput/Output)' : ''}`);
  return lines;
}

/** For the weekly report: open the configured usage store, read [from, to), close. */
export async function usageTotalsFor(config: Pick<Config, 'databaseUrl' | 'dataDir'>, from: number, to: number): Promise<UsageTotal[]> {
  const store = await openUsageStore(config);
  try {
    return await store.totals(from, to);
  } finally {
    await store.close();
  }
}
