import type { Hit } from './retriever.js';
import { CONFIDENCE_MODEL } from './confidence-model.js';

/**
 * Answer-or-escalate confidence: a logistic model over retrieval features, fitted offline on
 * labelled questions (bench/fit-confidence.ts writes confidence-model.ts). A confidence of 0.8
 * should mean that about 8 answers in 10 at that level carry the key facts; `npm run eval`
 * prints the reliability table that checks it.
 */
export interface ConfidenceFeatures {
  /** The best hit's combined score (0..1). */
  top: number;
  /** Share of the question's IDF weight found in the best hit (body or heading). */
  coverage: number;
  /** Share of the question's IDF weight found in the best hit's heading and structure. */
  headingCoverage: number;
  /** Cosine similarity of the question and the best hit. */
  similarity: number;
  /** Lead of the best hit over the runner-up from another section: a clear winner is more often right. */
  margin: number;
}

export const FEATURE_NAMES = ['top', 'coverage', 'headingCoverage', 'similarity', 'margin'] as const satisfies ReadonlyArray<keyof ConfidenceFeatures>;

export interface ConfidenceModel {
  intercept: number;
  weights: Record<keyof ConfidenceFeatures, number>;
}

export function confidenceFeatures(hits: Hit[]): ConfidenceFeatures {
  if (!hits.length) return { top: 0, coverage: 0, headingCoverage: 0, similarity: 0, margin: 0 };
  const [best, second] = hits;
  return {
    top: best.score,
    coverage: best.coverage,
    headingCoverage: best.headingCoverage,
    similarity: best.similarity,
    margin: second ? Math.max(0, best.score - second.score) : best.score,
  };
}

export function logistic(model: ConfidenceModel, f: ConfidenceFeatures): number {
  let z = model.intercept;
  for (const name of FEATURE_NAMES) z += model.weights[name] * f[name];
  return 1 / (1 + Math.exp(-z));
}

/** The fitted model's probability that the answer carries the key facts; 0 with nothing retrieved. */
export function confidenceOf(hits: Hit[], model: ConfidenceModel = CONFIDENCE_MODEL): number {
  if (!hits.length) return 0;
  return Math.round(logistic(model, confidenceFeatures(hits)) * 1000) / 1000;
}
