import fs from 'node:fs';
import path from 'node:path';
import { FEATURE_NAMES, logistic, type ConfidenceFeatures, type ConfidenceModel } from '../src/knowledge/retrieval/confidence.js';
import { packageRoot } from '../src/paths.js';
import { devCorpusDir, readJsonl, sharedDir } from './corpus.js';
import { corpusAsker, evalQaRows, type QaOutcome, type QaRow } from './eval-qa.js';

/**
 * `node dist/bench/fit-confidence.js`: fits the answer/escalate confidence (a logistic model over
 * retrieval features, see src/knowledge/retrieval/confidence.ts) on labelled dev questions and
 * writes the coefficients to src/knowledge/retrieval/confidence-model.ts, with how they were fitted.
 *
 * Label: 1 when the offline answer carries every must-mention fact, 0 otherwise (unanswerable
 * questions are always 0). Data: ../shared/eval/qa-dev.jsonl over ../shared/corpus and the
 * dev corpus (test/fixtures/devcorpus: qa-dev + unanswerable-dev). Fit: L2-regularised log loss,
 * full-batch gradient descent (features are 0..1, so no scaling). Leave-one-out log loss and
 * accuracy are printed so the fit can be judged on questions it did not see.
 * The threshold: among thresholds that keep the leave-one-out share of confident wrong answers
 * at or below MAX_CONFIDENT_WRONG, the highest whose pings averted is within NOISE of the best.
 */
const L2 = 0.002;
const STEPS = 6000;
const RATE = 1;
const MAX_CONFIDENT_WRONG = 0.08;
const NOISE = 0.035;

interface Sample {
  x: ConfidenceFeatures;
  y: number;
}

export function fit(samples: Sample[]): ConfidenceModel {
  const w = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Record<keyof ConfidenceFeatures, number>;
  let b = 0;
  const n = samples.length || 1;
  for (let step = 0; step < STEPS; step++) {
    const gw = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Record<keyof ConfidenceFeatures, number>;
    let gb = 0;
    for (const s of samples) {
      const err = logistic({ intercept: b, weights: w }, s.x) - s.y;
      gb += err;
      for (const f of FEATURE_NAMES) gw[f] += err * s.x[f];
    }
    b -= (RATE * gb) / n;
    for (const f of FEATURE_NAMES) w[f] -= RATE * (gw[f] / n + L2 * w[f]);
  }
  return { intercept: b, weights: w };
}

function logLoss(p: number, y: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
}

async function outcomes(): Promise<QaOutcome[]> {
  const out: QaOutcome[] = [];
  const shared = sharedDir();
  if (shared) {
    const { asker } = await corpusAsker(path.join(shared, 'corpus'));
    out.push(...(await evalQaRows(asker, readJsonl<QaRow>(path.join(shared, 'eval', 'qa-dev.jsonl')))).outcomes);
  }
  const dev = devCorpusDir();
  if (dev) {
    const projects = fs.readdirSync(dev, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(dev, d.name));
    const { asker } = await corpusAsker(projects);
    const rows = [...readJsonl<QaRow>(path.join(dev, 'qa-dev.jsonl')), ...readJsonl<{ question: string }>(path.join(dev, 'unanswerable-dev.jsonl')).map((r, i) => ({ id: `un-${i + 1}`, question: r.question, expected_sources: [], must_mention: [] }))];
    out.push(...(await evalQaRows(asker, rows)).outcomes);
  }
  return out;
}

async function main(): Promise<void> {
  const data = await outcomes();
  const samples = data.map((o) => ({ x: o.features, y: o.correct ? 1 : 0 }));
  if (samples.length < 10) throw new Error('too few labelled questions to fit (need ../shared/eval or test/fixtures/devcorpus)');
  const model = fit(samples);
  // Leave-one-out: each question scored by a model fitted without it.
  const loo = samples.map((s, i) => logistic(fit(samples.filter((_, j) => j !== i)), s.x));
  const looLoss = loo.reduce((sum, p, i) => sum + logLoss(p, samples[i]!.y), 0) / samples.length;
  const looAcc = loo.filter((p, i) => (p >= 0.5 ? 1 : 0) === samples[i]!.y).length / samples.length;
  const sweep: Array<{ t: number; wrong: number; averted: number }> = [];
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const wrong = loo.filter((p, i) => p >= t && !samples[i]!.y).length / samples.length;
    const averted = loo.filter((p, i) => p >= t && samples[i]!.y).length / samples.length;
    if (wrong <= MAX_CONFIDENT_WRONG) sweep.push({ t: Math.round(t * 100) / 100, wrong, averted });
  }
  // Within NOISE of the most pings averted, the highest threshold: one question is 1.5 points here,
  // so a smaller gain is not worth more confident answers on docs the fit never saw.
  const most = Math.max(...sweep.map((x) => x.averted));
  const chosen = sweep.filter((x) => x.averted >= most - NOISE).sort((a, b) => b.t - a.t)[0] ?? { t: 0.5, averted: 0, wrong: 0 };
  const threshold = chosen.t;
  const best = chosen.averted;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  const weights = Object.fromEntries(FEATURE_NAMES.map((f) => [f, r(model.weights[f])]));
  const positives = samples.filter((s) => s.y).length;
  const file = `
/**
 * Written by bench/fit-confidence.ts (${new Date().toISOString().slice(0, 10)}); do not edit by hand, re-run the fit.
 * Logistic regression, L2 ${L2}, ${STEPS} gradient steps, on ${samples.length} labelled dev questions
 * (${positives} answered with their key facts, ${samples.length - positives} not; shared qa-dev + test/fixtures/devcorpus).
 * Leave-one-out: log loss ${r(looLoss)}, accuracy ${r(looAcc)}.
 */
export const CONFIDENCE_MODEL = { intercept: ${r(model.intercept)}, weights: ${JSON.stringify(weights).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ')} };

/** Highest confidence that kept leave-one-out confident wrong answers ≤ ${MAX_CONFIDENT_WRONG} and pings averted within ${NOISE} of the best: the default of retrieval.minConfidence. */
export const FITTED_THRESHOLD = ${threshold};
`;
  const target = path.join(packageRoot(), 'src', 'knowledge', 'retrieval', 'confidence-model.ts');
  fs.writeFileSync(target, file);
  console.log(file);
  console.log(`wrote ${target}; threshold ${threshold} (leave-one-out pings averted ${r(best)})`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
