import type { Config, LlmTask } from '../config.js';

/** Tokens one LLM call consumed, as the provider reported them. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface PriceEstimate {
  usd: number;
  /** "config" (models.<task>.costPer1k*), "table" (built-in list), or "unknown" (priced at 0). */
  basis: 'config' | 'table' | 'unknown';
}

/**
 * USD per 1,000 tokens [input, output] for common models, matched by name prefix (longest first),
 * so "gpt-4o-mini-2024-07-18" prices as gpt-4o-mini. An estimate for the weekly report, not a bill.
 */
const DEFAULT_PRICES_PER_1K: Record<string, [number, number]> = {
  'gpt-4o-mini': [0.00015, 0.0006],
  'gpt-4o': [0.0025, 0.01],
  'gpt-4.1-nano': [0.0001, 0.0004],
  'gpt-4.1-mini': [0.0004, 0.0016],
  'gpt-4.1': [0.002, 0.008],
  'gpt-3.5-turbo': [0.0005, 0.0015],
  'o4-mini': [0.0011, 0.0044],
  'o3-mini': [0.0011, 0.0044],
  o3: [0.002, 0.008],
  o1: [0.015, 0.06],
};

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

/**
 * Token usage from a LangChain chat response or LLMResult: `usage_metadata` on the message (core ≥ 0.2),
 * else `response_metadata.tokenUsage` / `llmOutput.tokenUsage` (OpenAI's prompt/completion names).
 * Undefined when the provider reported nothing (some local servers).
 */
export function usageFromResponse(response: unknown): TokenUsage | undefined {
  const r = response as Record<string, any> | undefined;
  if (!r || typeof r !== 'object') return undefined;
  const meta = r.usage_metadata;
  if (meta && (meta.input_tokens !== undefined || meta.output_tokens !== undefined)) return { inputTokens: num(meta.input_tokens), outputTokens: num(meta.output_tokens) };
  const tu = r.response_metadata?.tokenUsage ?? r.llmOutput?.tokenUsage ?? r.tokenUsage;
  if (tu && (tu.promptTokens !== undefined || tu.completionTokens !== undefined)) return { inputTokens: num(tu.promptTokens), outputTokens: num(tu.completionTokens) };
  return undefined;
}

/** The estimated cost of one call: the task's configured prices, else the table by model name, else 0 ("unknown"). */
export function estimateCost(config: Pick<Config, 'models'>, task: LlmTask, model: string, usage: TokenUsage): PriceEstimate {
  const o = config.models[task];
  let prices: [number, number] | undefined;
  let basis: PriceEstimate['basis'] = 'unknown';
  if (o?.costPer1kInput !== undefined || o?.costPer1kOutput !== undefined) {
    prices = [o?.costPer1kInput ?? 0, o?.costPer1kOutput ?? 0];
    basis = 'config';
  } else {
    const key = Object.keys(DEFAULT_PRICES_PER_1K)
      .filter((k) => model.toLowerCase().startsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    if (key) {
      prices = DEFAULT_PRICES_PER_1K[key];
      basis = 'table';
    }
  }
  if (!prices) return { usd: 0, basis };
  const usd = (usage.inputTokens / 1000) * prices[0] + (usage.outputTokens / 1000) * prices[1];
  return { usd: Math.round(usd * 1e6) / 1e6, basis };
}
