import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { draftCopy } from '../src/copy/draft.js';
import { buildInventory, untraceableFacts } from '../src/copy/facts.js';
import { checkCopy } from '../src/copy/guards.js';
import { loadBrandVoice } from '../src/copy/brand-voice.js';
import { charLength, sentences, xLength } from '../src/copy/text-rules.js';
import type { CopyDraft } from '../src/copy/types.js';

/**
 * Copy figures over commits-dev.jsonl with the offline drafter:
 * - zero_violations: the final draft has no unfixed violation AND a fresh check of the final
 *   copy finds nothing (repairs made on the way are allowed; they are reported, not counted);
 * - limits_met: every budget met (headline ≤ 70, X ≤ 280 weighted, Mastodon ≤ 500,
 *   LinkedIn ≤ 1,300, blurb 2–3 sentences, no field empty), measured here, not taken from the draft;
 * - facts_traceable: every digit run in the copy is one of the set's listed facts (PR numbers
 *   allowed in the changelog only), and every name-shaped token is found in the message.
 */

interface CommitCase {
  id: string;
  repo?: string;
  message: string;
  facts: string[];
}

const digitRuns = (text: string) => text.match(/\d+(?:\.\d+)*/g) ?? [];

function limitProblems(d: CopyDraft): string[] {
  const p: string[] = [];
  if (charLength(d.headline) > 70) p.push(`headline ${charLength(d.headline)} > 70`);
  if (xLength(d.captions.x) > 280) p.push(`x ${xLength(d.captions.x)} > 280`);
  if (charLength(d.captions.mastodon) > 500) p.push(`mastodon ${charLength(d.captions.mastodon)} > 500`);
  if (charLength(d.captions.linkedin) > 1300) p.push(`linkedin ${charLength(d.captions.linkedin)} > 1300`);
  const n = sentences(d.blurb).length;
  if (n < 2 || n > 3) p.push(`blurb has ${n} sentences`);
  for (const [k, v] of Object.entries({ headline: d.headline, blurb: d.blurb, changelog: d.changelog, ...d.captions })) if (!v.trim()) p.push(`${k} empty`);
  return p;
}

function factProblems(d: CopyDraft, c: CommitCase, productName: string): string[] {
  const allowed = new Set(c.facts.flatMap((f) => digitRuns(f)));
  const refs = new Set((c.message.match(/#\d+/g) ?? []).map((r) => r.slice(1)));
  const p: string[] = [];
  for (const [field, text] of Object.entries({ headline: d.headline, blurb: d.blurb, ...d.captions })) {
    for (const run of digitRuns(text)) if (!allowed.has(run)) p.push(`${field}: "${run}" is not a listed fact`);
  }
  for (const run of digitRuns(d.changelog)) if (!allowed.has(run) && !refs.has(run)) p.push(`changelog: "${run}" is not a listed fact or reference`);
  const inventory = buildInventory([c.message], [productName]);
  for (const [field, text] of Object.entries({ headline: d.headline, blurb: d.blurb, changelog: d.changelog, ...d.captions })) {
    for (const f of untraceableFacts(text, inventory, { allowReferences: field === 'changelog' })) if (f.kind === 'name') p.push(`${field}: name "${f.text}" not in the commit`);
  }
  return p;
}

export async function evalCopy(evalDir: string): Promise<{
  total: number;
  zero_violations: number;
  limits_met: number;
  facts_traceable: number;
  zero_violations_rate: number;
  limits_met_rate: number;
  facts_traceable_rate: number;
  failures: Array<{ id: string; problems: string[] }>;
}> {
  const cases: CommitCase[] = fs
    .readFileSync(path.join(evalDir, 'commits-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CommitCase);
  // An empty env and a scratch cwd: no LLM, no user config, the shipped brand voice.
  const config = loadConfig({ env: {}, cwd: os.tmpdir() });
  const voice = loadBrandVoice(config);
  let zero = 0;
  let limits = 0;
  let facts = 0;
  const failures: Array<{ id: string; problems: string[] }> = [];
  for (const c of cases) {
    const productName = c.repo ? path.basename(c.repo) : 'the product';
    const draft = await draftCopy([c.message], { config, voice, productName, model: null });
    const recheck = checkCopy(draft, { voice, inventory: buildInventory([c.message], [productName]) });
    const violationProblems = [...draft.violations.filter((v) => !v.fixed).map((v) => `${v.field}: ${v.detail}`), ...recheck.map((v) => `recheck ${v.field}: ${v.detail}`)];
    const lp = limitProblems(draft);
    const fp = factProblems(draft, c, productName);
    if (violationProblems.length === 0) zero += 1;
    if (lp.length === 0) limits += 1;
    if (fp.length === 0) facts += 1;
    const problems = [...violationProblems, ...lp, ...fp];
    if (problems.length) failures.push({ id: c.id, problems });
  }
  const total = cases.length;
  const rate = (n: number) => (total ? n / total : 0);
  return {
    total,
    zero_violations: zero,
    limits_met: limits,
    facts_traceable: facts,
    zero_violations_rate: rate(zero),
    limits_met_rate: rate(limits),
    facts_traceable_rate: rate(facts),
    failures,
  };
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'eval');
  evalCopy(dir)
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
