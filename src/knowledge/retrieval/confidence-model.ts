import type { ConfidenceModel } from './confidence.js';

/**
 * Written by bench/fit-confidence.ts (2026-12-02); do not edit by hand, re-run the fit.
 * Logistic regression, L2 0.002, 6000 gradient steps, on 66 labelled dev questions
 * (49 answered with their key facts, 17 not; shared qa-dev + test/fixtures/devcorpus).
 * Leave-one-out: log loss 0.301, accuracy 0.894.
 */
export const CONFIDENCE_MODEL: ConfidenceModel = { intercept: -2.702, weights: {top: 2.985, coverage: 0.068, headingCoverage: 3.062, similarity: 2.711, margin: 2.345} };

/** Highest confidence that kept leave-one-out confident wrong answers ≤ 0.08 and pings averted within 0.035 of the best: the default of retrieval.minConfidence. */
export const FITTED_THRESHOLD = 0.55;
