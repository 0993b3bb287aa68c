import path from 'node:path';
import { evalIntent } from './eval-intent.js';
import { evalSanitizer } from './eval-sanitize.js';
import { corpusAsker, evalQa } from './eval-qa.js';
import { sharedDir } from './corpus.js';
import { evalDecisions } from './eval-decisions.js';

/** `npm run eval`: quality figures on ../shared/eval, with a plain BM25 baseline measured in the same run. */
async function main(): Promise<void> {
  const shared = sharedDir();
  if (!shared) {
    process.stderr.write('npm run eval needs ../shared/eval and ../shared/corpus beside the project; they are not here.\n');
    process.exitCode = 1;
    return;
  }
  const evalDir = path.join(shared, 'eval');
  const verbose = process.argv.includes('--verbose');
  const out: Record<string, unknown> = {};

  const sanitizer = await evalSanitizer(evalDir);
  out.sanitizer = sanitizer;
  console.log(`Sanitizer: ${sanitizer.secrets_leaked}/${sanitizer.secrets_total} secrets leaked (target 0); look-alikes kept ${(sanitizer.keep_rate * 100).toFixed(1)}% (${sanitizer.keep_kept}/${sanitizer.keep_total}, target ≥ 97%)`);

  const { asker } = await corpusAsker(path.join(shared, 'corpus'));
  const rows: Array<[string, Awaited<ReturnType<typeof evalQa>>]> = [];
  for (const mode of ['hybrid', 'hybrid-no-structure', 'vector', 'bm25'] as const) rows.push([mode, await evalQa(asker, evalDir, mode)]);
  console.log('\nRetrieval and answers (qa-dev):');
  console.log('  mode                  recall@1  recall@5  must-mention');
  for (const [mode, f] of rows) console.log(`  ${mode.padEnd(21)} ${f.recall_at_1.toFixed(3).padStart(8)}  ${f.recall_at_5.toFixed(3).padStart(8)}  ${f.must_mention.toFixed(3).padStart(12)}`);
  const hybrid = rows[0][1];
  out.qa = Object.fromEntries(rows.map(([m, f]) => [m, { recall_at_1: f.recall_at_1, recall_at_5: f.recall_at_5, must_mention: f.must_mention }]));
  if (verbose) for (const m of hybrid.misses) console.log(`  miss ${m.id}: ${m.question} → ${m.got.join(', ')} missing [${m.missing.join(', ')}]`);

  const intent = evalIntent(evalDir);
  out.intent = { accuracy: intent.accuracy, total: intent.total };
  console.log(`\nIntent accuracy: ${intent.accuracy.toFixed(3)} (${intent.correct}/${intent.total}, target ≥ 0.92)`);
  if (verbose) for (const e of intent.errors) console.log(`  ${e.expected} → ${e.got}: ${e.question}`);

  const decisions = await evalDecisions();
  out.decisions = { covered_rate: decisions.covered_rate, uncovered_escalated_rate: decisions.uncovered_escalated_rate };
  console.log(`\nDecision records (three real ADR folders): covered why-questions answered from the right record ${(decisions.covered_rate * 100).toFixed(0)}% (${decisions.covered_answered}/${decisions.covered}, target ≥ 90%); uncovered still escalated ${(decisions.uncovered_escalated_rate * 100).toFixed(0)}% (${decisions.uncovered_escalated}/${decisions.uncovered}, target ≥ 95%)`);
  if (verbose) for (const m of decisions.misses) console.log(`  ${m.expected ?? 'uncovered'} → ${m.got}: ${m.q}`);

  try {
    const { evalCopy, formatCopyFigures } = await import('./eval-copy.js');
    const copy = await evalCopy(evalDir);
    out.copy = { dev: { total: copy.dev.total, ...copy.dev.rates }, ranges: { total: copy.ranges.total, ...copy.ranges.rates }, commits: { total: copy.commits.total, ...copy.commits.rates } };
    console.log('\nCopy, offline drafter (targets 100%):');
    console.log(`  ${formatCopyFigures('commits-dev', copy.dev)}`);
    console.log(`  ${formatCopyFigures('fastify ranges', copy.ranges)}`);
    console.log(`  ${formatCopyFigures('fastify commits', copy.commits)}`);
    if (verbose) for (const f of [...copy.dev.failures, ...copy.ranges.failures, ...copy.commits.failures]) console.log(`  ${f.id}: ${f.problems.slice(0, 4).join('; ')}`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
