/**
 * Offline intent classification: answer from the docs, or escalate to a senior.
 * The line is not the question word but what the answer is: a fact the docs state is answered
 * ("why does this endpoint return 422"); a judgement, policy, plan, ownership or the team's
 * design rationale is escalated ("why did we choose cursor pagination"). Pure and deterministic:
 * weighted linguistic signals (intent-signals.ts) are summed into a score.
 * Low retrieval confidence also escalates, but that is decided by the caller, not here.
 */
import { normalizeQuestion } from '../../text/normalize-question.js';
import { OBSERVED_WHY_SIGNALS, SIGNALS, WHY_UNOBSERVED, type IntentSignal, type SignalCategory } from './intent-signals.js';

export { isFollowUpQuestion, looksLikeQuestion } from '../../text/question.js';

export type Intent = 'answer' | 'escalate';

export interface IntentDecision {
  intent: Intent;
  /** Short, human: shown to the user or the senior when the question is routed. */
  reason: string;
  /** 0.5 (a coin toss) to 1 (every signal agrees); 0 only for empty input. */
  confidence: number;
  /** Ids of the signals that fired, for logs and debugging. */
  signals: string[];
}

/**
 * Leaning to answer when nothing fires: a question with no judgement cue is most likely a plain
 * lookup, and the retrieval-confidence check catches what the docs cannot answer.
 */
const BIAS = -0.4;
/** A category's total is capped so five doc nouns cannot outvote an explicit "should we". */
const CATEGORY_CAP = 3.5;

const REASONS: Record<SignalCategory, string> = {
  rationale: "asks for the team's design rationale",
  judgement: 'asks for a recommendation or judgement',
  policy: 'asks about team policy or process',
  planning: 'asks about plans, priorities or estimates',
  ownership: 'asks who owns or decides something',
  team: 'asks about a decision of the team',
  documented: 'asks how documented behaviour works',
};

export function classifyIntent(question: string): IntentDecision {
  const text = normalizeQuestion(question);
  if (!text.replace(/[?'\-+_]/g, '').trim()) {
    return { intent: 'answer', reason: 'empty question: nothing to escalate', confidence: 0, signals: [] };
  }
  const fired = SIGNALS.filter((s) => s.pattern.test(text));
  if (WHY_UNOBSERVED.pattern.test(text) && !fired.some((s) => OBSERVED_WHY_SIGNALS.has(s.id))) fired.push(WHY_UNOBSERVED);
  const totals = totalsByCategory(fired);
  let score = BIAS;
  for (const total of totals.values()) score += total;

  const intent: Intent = score > 0 ? 'escalate' : 'answer';
  return {
    intent,
    reason: reasonFor(intent, totals),
    confidence: round(1 / (1 + Math.exp(-Math.abs(score)))),
    signals: fired.map((s) => s.id),
  };
}

function totalsByCategory(fired: IntentSignal[]): Map<SignalCategory, number> {
  const totals = new Map<SignalCategory, number>();
  for (const s of fired) totals.set(s.category, (totals.get(s.category) ?? 0) + s.weight);
  for (const [category, total] of totals) {
    totals.set(category, Math.max(-CATEGORY_CAP, Math.min(CATEGORY_CAP, total)));
  }
  return totals;
}

/** The reason names the category that pushed hardest in the direction decided. */
function reasonFor(intent: Intent, totals: Map<SignalCategory, number>): string {
  let best: SignalCategory | undefined;
  let bestPush = 0;
  for (const [category, total] of totals) {
    const push = intent === 'escalate' ? total : -total;
    if (push > bestPush) {
      best = category;
      bestPush = push;
    }
  }
  if (!best) return intent === 'escalate' ? REASONS.judgement : 'asks for a fact the docs may state';
  return REASONS[best];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
