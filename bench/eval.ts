import fs from 'node:fs';
import path from 'node:path';
import { evalIntent } from './eval-intent.js';
import { evalSanitizer } from './eval-sanitize.js';
import { corpusAsker, evalQa, evalQaRows, figures, reliabilityTable, type QaFigures, type QaOutcome, type QaRow } from './eval-qa.js';
import { devCorpusDir, readJsonl, sharedDir } from './corpus.js';
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
  const rows: Array<[string, QaFigures]> = [];
  for (const mode of ['hybrid', 'hybrid-no-structure', 'vector', 'bm25'] as const) rows.push([mode, await evalQa(asker, evalDir, mode)]);
  console.log('\nRetrieval and answers (qa-dev):');
  console.log('  mode                  recall@1  recall@5  must-mention');
  for (const [mode, f] of rows) console.log(`  ${mode.padEnd(21)} ${f.recall_at_1.toFixed(3).padStart(8)}  ${f.recall_at_5.toFixed(3).padStart(8)}  ${f.must_mention.toFixed(3).padStart(12)}`);
  const hybrid = rows[0][1];
  out.qa = Object.fromEntries(rows.map(([m, f]) => [m, { recall_at_1: f.recall_at_1, recall_at_5: f.recall_at_5, must_mention: f.must_mention }]));
  if (verbose) for (const m of hybrid.misses) console.log(`  miss ${m.id}: ${m.question} → ${m.got.join(', ')} missing [${m.missing.join(', ')}]`);

  // The dev corpus: other real projects' docs (test/fixtures/devcorpus), with questions that have no answer there.
  const all: QaOutcome[] = [...hybrid.outcomes];
  const dev = devCorpusDir();
  let chat: { total: number; escalated: number; notChat: string[] } | undefined;
  if (dev) {
    const projects = fs.readdirSync(dev, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(dev, d.name));
    const devAsker = (await corpusAsker(projects)).asker;
    const devRows = [...readJsonl<QaRow>(path.join(dev, 'qa-dev.jsonl')), ...readJsonl<{ question: string }>(path.join(dev, 'unanswerable-dev.jsonl')).map((r, i) => ({ id: `un-${i + 1}`, question: r.question, expected_sources: [], must_mention: [] }))];
    const devFigures = await evalQaRows(devAsker, devRows);
    all.push(...devFigures.outcomes);
    if (verbose) for (const m of devFigures.misses) console.log(`  miss ${m.id}: ${m.question} → ${m.got.join(', ')} missing [${m.missing.join(', ')}]`);
    const chatRows = readJsonl<{ text: string }>(path.join(dev, 'chat-dev.jsonl'));
    chat = { total: chatRows.length, escalated: 0, notChat: [] };
    for (const r of chatRows) {
      const res = await devAsker.ask(r.text);
      if (res.escalate) chat.escalated++;
      if ((res.intent as string) !== 'chat') chat.notChat.push(r.text);
    }
  }
  console.log('\nPer kind (hybrid; qa-dev + devcorpus):');
  console.log('  kind           n  recall@5  key facts  confident wrong  pings averted');
  const perKind: Record<string, unknown> = {};
  // 'all' is the answerable questions; for 'unanswerable' only "confident wrong" (answered at all) means something.
  for (const kind of ['markdown', 'openapi', 'schema', 'all', 'unanswerable'] as const) {
    const f = figures(kind === 'all' ? all.filter((o) => o.kind !== 'unanswerable') : all.filter((o) => o.kind === kind));
    if (!f.total) continue;
    perKind[kind] = { n: f.total, recall_at_5: f.recall_at_5, key_facts: f.must_mention, confident_wrong: f.confident_wrong, pings_averted: f.pings_averted };
    console.log(`  ${kind.padEnd(12)} ${String(f.total).padStart(3)}  ${f.recall_at_5.toFixed(3).padStart(8)}  ${f.must_mention.toFixed(3).padStart(9)}  ${f.confident_wrong.toFixed(3).padStart(15)}  ${f.pings_averted.toFixed(3).padStart(13)}`);
  }
  out.per_kind = perKind;
  console.log('\nReliability (confidence bucket → share with the key facts; all questions):');
  const table = reliabilityTable(all);
  for (const r of table) console.log(`  ${r.bucket}  n=${String(r.n).padStart(3)}  correct ${r.n ? r.correct.toFixed(2) : '  – '}`);
  out.reliability = table;
  if (chat) {
    out.small_talk = { total: chat.total, escalated: chat.escalated, not_chat: chat.notChat.length };
    console.log(`\nSmall talk: ${chat.escalated}/${chat.total} escalated (target 0); ${chat.total - chat.notChat.length}/${chat.total} answered as chat`);
    if (verbose) for (const t of chat.notChat) console.log(`  not chat: ${t}`);
  }

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
