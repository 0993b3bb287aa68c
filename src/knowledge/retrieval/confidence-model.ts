import type { ConfidenceModel } from './confidence.js';

/**
 * Written by bench/fit-confidence.ts (2026-12-02); do not edit by hand, re-run the fit.
 * Logistic regression, L2 0.002, 6000 gradient steps, on 66 labelled dev questions
 * (48 answered with their key facts, 18 not; shared qa-dev + test/fixtures/devcorpus).
 * Leave-one-out: log loss 0.328, accuracy 0.894.
 */
export const CONFIDENCE_MODEL: ConfidenceModel = { intercept: -2.509, weights: {top: 3.054, coverage: -0.5, headingCoverage: 3.384, similarity: 2.331, margin: 2.519} };

/** Lowest confidence that kept leave-one-out confident wrong answers ≤ 0.08 while answering the most: the default of retrieval.minConfidence. */
export const FITTED_THRESHOLD = 0.5;
