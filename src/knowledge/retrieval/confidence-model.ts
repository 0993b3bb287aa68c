import type { ConfidenceModel } from './confidence.js';

/** Placeholder until bench/fit-confidence.ts writes the fitted model. */
export const CONFIDENCE_MODEL: ConfidenceModel = { intercept: 0, weights: { top: 0, coverage: 0, headingCoverage: 0, similarity: 0, margin: 0 } };
