import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { draftCopy } from '../src/copy/draft.js';
import { buildInventory, untraceableFacts } from '../src/copy/facts.js';
import { checkCopy } from '../src/copy/guards.js';
import { loadBrandVoice } from '../src/copy/brand-voice.js';
import type { CopyDraft } from '../src/copy/types.js';

/**
 * Copy figures with the offline drafter, on two sets:
 * - dev: commits-dev.jsonl (single commit messages, listed facts);
 * - ranges: ranges of fastify/fastify's real history (bench/fixtures/copy, MIT, see its README),
 *   each drafted as one release, trailers and all;
 * - commits: the same history one commit at a time.
 * Per draft:
 * - zero_violations: no unfixed violation and a fresh check of the final copy finds nothing;
 * - clean_headlines: no identifier (camelCase, PascalCase, snake_case, CONSTANT_CASE, a.b.c),
 *   no trailer, e-mail address, @handle or trailer person's name in the headline or captions;
 * - grammatical: no sentence ends on a conjunction, preposition or article, no doubled space;
 * - distinct_variants: blurb, X, LinkedIn and Mastodon are four different texts;
 * - limits_met: headline ≤ 70, X ≤ 280 (weighted), Mastodon ≤ 500, LinkedIn ≤ 1,300, blurb 2–3
 *   sentences, no field empty;
 * - facts_traceable: every figure and name-shaped token is found in the commits (dev: also
 *   every digit run is a listed fact).
 * The measures are written here, independent of the drafter's own checks, so they can disagree.
 */

interface Case {
  id: string;
  messages: string[];
  facts?: string[];
}

const IDENTIFIER =
  /(?<![\w.@/`-])(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z_$][\w$]*(?:\.[a-z_$][\w$]*)+)(?![\w`])/g;
const FILE_OR_BRAND = /\.(?:[cm]?[jt]sx?|d\.ts|json|md|ya?ml|html?|css)$|^[A-Z]\w*\.js$|^(?:[a-z]\.){1,3}[a-z]?$/i;
const TRAILER = /\b(?:Co-authored-by|Signed-off-by|Reviewed-by|Acked-by|Tested-by|Reported-by)\b|\b(?:Refs|Fixes|Closes|Resolves)\s*:?\s*(?:[\w.-]+\/[\w.-]+)?#\d+/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const HANDLE = /(?<![\w.@/])@[A-Za-z0-9][A-Za-z0-9-]+\b(?!\/)/;
const DANGLING = /\b(?:and|or|but|nor|with|to|of|for|from|by|at|the|a|an|than|via)\s*[.!?]$/i;

const charLength = (s: string) => Array.from(s).length;
function xLength(text: string): number {
  let n = 0;
  for (const ch of text.replace(/https?:\/\/\S+/g, () => ((n += 23), ''))) n += (ch.codePointAt(0) ?? 0) <= 4351 ? 1 : 2;
  return n;
}
const sentencesOf = (t: string) => t.split(/(?<=[.!?])\s+(?=["'“(]?[\p{Lu}\p{N}])|\n+/u).map((s) => s.trim()).filter(Boolean);

/** Names in trailer lines ("Co-authored-by: Jean Michelet <…>"): they must never reach the copy. */
function trailerNames(messages: string[]): string[] {
  const names = new Set<string>();
  for (const m of messages) {
    for (const line of m.split('\n')) {
      const t = /^\s*[\w-]+-by:\s*([^<\n]+)/i.exec(line);
      if (t) for (const w of t[1].trim().split(/\s+/)) if (w.length > 2) names.add(w);
    }
  }
  return Array.from(names);
}

function leakProblems(d: CopyDraft, names: string[]): string[] {
  const p: string[] = [];
  for (const [field, text] of Object.entries({ headline: d.headline, ...d.captions })) {
    for (const id of text.match(IDENTIFIER) ?? []) if (!FILE_OR_BRAND.test(id)) p.push(`${field}: identifier "${id}"`);
    if (TRAILER.test(text)) p.push(`${field}: trailer`);
    if (EMAIL.test(text)) p.push(`${field}: e-mail address`);
    if (HANDLE.test(text)) p.push(`${field}: handle`);
  }
  for (const [field, text] of Object.entries({ headline: d.headline, blurb: d.blurb, changelog: d.changelog, ...d.captions })) {
    for (const n of names) if (new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text)) p.push(`${field}: trailer name "${n}"`);
    if (EMAIL.test(text)) p.push(`${field}: e-mail address`);
  }
  return p;
}

function grammarProblems(d: CopyDraft): string[] {
  const p: string[] = [];
  for (const [field, text] of Object.entries({ headline: d.headline, blurb: d.blurb, ...d.captions })) {
    if (/\S[ \t]{2,}\S/.test(text)) p.push(`${field}: doubled space`);
    for (const s of sentencesOf(text)) if (DANGLING.test(s)) p.push(`${field}: sentence ends on a conjunction or preposition: "${s.slice(-50)}"`);
  }
  return p;
}

function distinctProblems(d: CopyDraft): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const variants = { blurb: d.blurb, x: d.captions.x, linkedin: d.captions.linkedin, mastodon: d.captions.mastodon };
  const seen = new Map<string, string>();
  const p: string[] = [];
  for (const [k, v] of Object.entries(variants)) {
    const other = seen.get(norm(v));
    if (other) p.push(`${k} is the same text as ${other}`);
    seen.set(norm(v), k);
  }
  return p;
}

function limitProblems(d: CopyDraft): string[] {
  const p: string[] = [];
  if (charLength(d.headline) > 70) p.push(`headline ${charLength(d.headline)} > 70`);
  if (xLength(d.captions.x) > 280) p.push(`x ${xLength(d.captions.x)} > 280`);
  if (charLength(d.captions.mastodon) > 500) p.push(`mastodon ${charLength(d.captions.mastodon)} > 500`);
  if (charLength(d.captions.linkedin) > 1300) p.push(`linkedin ${charLength(d.captions.linkedin)} > 1300`);
  const n = sentencesOf(d.blurb).length;
  if (n < 2 || n > 3) p.push(`blurb has ${n} sentences`);
  for (const [k, v] of Object.entries({ headline: d.headline, blurb: d.blurb, changelog: d.changelog, ...d.captions })) if (!v.trim()) p.push(`${k} empty`);
  return p;
}

function factProblems(d: CopyDraft, c: Case, productName: string): string[] {
  const p: string[] = [];
  if (c.facts) {
    const digitRuns = (text: string) => (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((r) => r.replace(/,(?=\d{3}\b)/g, ''));
    const allowed = new Set(c.facts.flatMap((f) => digitRuns(f)));
    const refs = new Set(c.messages.flatMap((m) => (m.match(/#\d+/g) ?? []).map((r) => r.slice(1))));
    for (const [field, text] of Object.entries({ headline: d.headline, blurb: d.blurb, ...d.captions })) {
      for (const run of digitRuns(text)) if (!allowed.has(run)) p.push(`${field}: "${run}" is not a listed fact`);
    }
    for (const run of digitRuns(d.changelog)) if (!allowed.has(run) && !refs.has(run)) p.push(`changelog: "${run}" is not a listed fact or reference`);
  }
  const inventory = buildInventory(c.messages, [productName]);
  for (const [field, text] of Object.entries({ headline: d.headline, blurb: d.blurb, changelog: d.changelog, ...d.captions })) {
    for (const f of untraceableFacts(text, inventory, { allowReferences: field === 'changelog' })) if (f.kind !== 'reference') p.push(`${field}: ${f.kind} "${f.text}" not in the commits`);
  }
  return p;
}

const MEASURES = ['zero_violations', 'clean_headlines', 'grammatical', 'distinct_variants', 'limits_met', 'facts_traceable'] as const;
type Measure = (typeof MEASURES)[number];

export interface CopySetFigures {
  total: number;
  rates: Record<Measure, number>;
  failures: Array<{ id: string; problems: string[] }>;
  drafts: Array<{ id: string; headline: string; x: string }>;
}

async function evalSet(cases: Case[], productName: (c: Case) => string): Promise<CopySetFigures> {
  // An empty env and a scratch cwd: no LLM, no user config, the shipped brand voice.
  const config = loadConfig({ env: {}, cwd: os.tmpdir() });
  const voice = loadBrandVoice(config);
  const counts = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<Measure, number>;
  const failures: CopySetFigures['failures'] = [];
  const drafts: CopySetFigures['drafts'] = [];
  for (const c of cases) {
    const product = productName(c);
    const draft = await draftCopy(c.messages, { config, voice, productName: product, model: null });
    drafts.push({ id: c.id, headline: draft.headline, x: draft.captions.x });
    const recheck = checkCopy(draft, { voice, inventory: buildInventory(c.messages, [product]) });
    const found: Record<Measure, string[]> = {
      zero_violations: [...draft.violations.filter((v) => !v.fixed).map((v) => `${v.field}: ${v.detail}`), ...recheck.map((v) => `recheck ${v.field}: ${v.detail}`)],
      clean_headlines: leakProblems(draft, trailerNames(c.messages)),
      grammatical: grammarProblems(draft),
      distinct_variants: distinctProblems(draft),
      limits_met: limitProblems(draft),
      facts_traceable: factProblems(draft, c, product),
    };
    for (const m of MEASURES) if (found[m].length === 0) counts[m] += 1;
    const problems = MEASURES.flatMap((m) => found[m].map((p) => `[${m}] ${p}`));
    if (problems.length) failures.push({ id: c.id, problems });
  }
  const total = cases.length;
  const rates = Object.fromEntries(MEASURES.map((m) => [m, total ? counts[m] / total : 0])) as Record<Measure, number>;
  return { total, rates, failures, drafts };
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The fixture sits in the source tree; from dist/bench it is two levels up. */
function fixtureDir(): string {
  for (const dir of [path.resolve(__dirname, 'fixtures', 'copy'), path.resolve(__dirname, '..', '..', 'bench', 'fixtures', 'copy')]) if (fs.existsSync(dir)) return dir;
  return path.resolve(__dirname, 'fixtures', 'copy');
}

export async function evalCopy(evalDir: string): Promise<{ dev: CopySetFigures; ranges: CopySetFigures; commits: CopySetFigures }> {
  const devCases = readJsonl<{ id: string; repo?: string; message: string; facts: string[] }>(path.join(evalDir, 'commits-dev.jsonl')).map((c) => ({
    id: c.id,
    messages: [c.message],
    facts: c.facts,
    repo: c.repo,
  }));
  // The product name a person configures: the project's own name (the last part of owner/repo).
  const dev = await evalSet(devCases, (c) => path.basename((c as { repo?: string }).repo ?? 'the product'));
  const rangeCases = readJsonl<{ id: string; repo: string; messages: string[] }>(path.join(fixtureDir(), 'fastify-ranges.jsonl'));
  const ranges = await evalSet(rangeCases, () => 'Fastify');
  // The same history one commit at a time: what `deskmate copy "<message>"` gets.
  const commitCases = rangeCases.flatMap((r) => r.messages.map((m, i) => ({ id: `${r.id}-c${i + 1}`, messages: [m] })));
  const commits = await evalSet(commitCases, () => 'Fastify');
  return { dev, ranges, commits };
}

export function formatCopyFigures(name: string, f: CopySetFigures): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  return `${name} (${f.total}): ${MEASURES.map((m) => `${m.replace(/_/g, ' ')} ${pct(f.rates[m])}`).join(', ')}`;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'eval');
  evalCopy(dir)
    .then((r) => {
      console.log(formatCopyFigures('commits-dev', r.dev));
      console.log(formatCopyFigures('fastify ranges', r.ranges));
      console.log(formatCopyFigures('fastify commits', r.commits));
      if (process.argv.includes('--verbose')) console.log(JSON.stringify({ dev: r.dev.failures, ranges: r.ranges.failures, commits: r.commits.failures, drafts: [...r.dev.drafts, ...r.ranges.drafts] }, null, 2));
    })
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
