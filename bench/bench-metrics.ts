import fs from 'node:fs';
import { seededRandom } from './synthetic.js';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PostgresMetricsStore } from '../src/metrics/postgres.js';
import { SqliteMetricsStore } from '../src/metrics/sqlite.js';
import type { MetricEvent, MetricsStore } from '../src/metrics/types.js';
import { loadWeeklyReport, type ReportSettings } from '../src/metrics/weekly.js';
import { weekContaining } from '../src/metrics/week.js';
import { startThrowawayPostgres } from './support/postgres.js';

/**
 * Metrics at scale: 1M synthetic events (a year of a busy team: observe-mode weeks first, then
 * questions, answers, escalations, feedback and senior pings) into SQLite and PostgreSQL, then one
 * weekly report from each. PostgreSQL is a throwaway server when the binaries exist, else skipped.
 */

export interface MetricsBenchFigures {
  report_ms_1m_sqlite: number;
  report_ms_1m_postgres: number | null;
  insert_per_s_1m_sqlite: number;
  insert_per_s_1m_postgres: number | null;
  db_mb_1m_sqlite: number;
  db_mb_1m_postgres: number | null;
  report_week: string;
  report_week_events: number;
}

const TOTAL = 1_000_000;
const CHUNK = 50_000;
const YEAR_START = Date.parse('2025-01-06T00:00:00Z'); // a Monday
const WEEKS = 52;
const OBSERVE_WEEKS = 4;
const TOPICS = ['api', 'billing', 'deploys', 'webhooks', 'auth', 'database', 'search', 'mobile'];
const WORDS = 'page paginate cursor token refresh rotate webhook retry signature invoice refund prorate deploy rollback canary migration index replica shard cache invalidate login session scope rate limit quota export import schema field'.split(' ');
const SENIORS = ['USEN1', 'USEN2', 'USEN3', 'SPLATFORM'];
const settings: ReportSettings = { timezone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], gapConfidence: 0.35 };

/** The same seeded PRNG as the synthetic corpus, so both databases get the same history. */
const rng = seededRandom;

/**
 * Yields chunks of events until `total`, week by week and time-ordered within each chunk, as a live
 * bot writes them (rows land in the table roughly in time order, as they would in production).
 */
export function* syntheticEvents(total: number, seed = 7): Generator<MetricEvent[]> {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const perWeek = Math.ceil(total / WEEKS);
  let made = 0;
  let thread = 0;
  for (let week = 0; made < total; week++) {
    const weekEvents: MetricEvent[] = [];
    while (weekEvents.length < perWeek) weekEvents.push(...threadEvents(week, thread++, r, pick));
    weekEvents.sort((a, b) => a.at - b.at);
    const take = weekEvents.slice(0, Math.min(perWeek, total - made));
    made += take.length;
    for (let i = 0; i < take.length; i += CHUNK) yield take.slice(i, i + CHUNK);
  }
}

function threadEvents(week: number, thread: number, r: () => number, pick: <T>(xs: T[]) => T): MetricEvent[] {
  const at = YEAR_START + (week % WEEKS) * 7 * 86_400_000 + Math.floor(r() * 5) * 86_400_000 + Math.floor((8 + r() * 9) * 3_600_000);
  const mode = week < OBSERVE_WEEKS ? 'observe' : 'active';
  const ref = `C${thread % 40}:${thread}.0`;
  const asker = `UJ${Math.floor(r() * 200)}`;
  const senior = pick(SENIORS);
  const out: MetricEvent[] = [];
  if (r() < 0.45) out.push({ type: 'senior_ping', at, ref, actor: asker, senior, channel: ref.split(':')[0], channelKind: 'channel', isQuestion: r() < 0.8, mode });
  if (mode === 'observe') return out;
  const confidence = r();
  const dm = r() < 0.3;
  const text = dm ? undefined : `How do I ${pick(WORDS)} the ${pick(WORDS)} ${pick(WORDS)}?`;
  out.push({ type: 'question_asked', at, ref, actor: asker, channel: ref.split(':')[0], channelKind: dm ? 'dm' : 'channel', intent: r() < 0.15 ? 'escalate' : 'answer', confidence, topic: pick(TOPICS), text, mode });
  const answeredAt = at + 2_000 + Math.floor(r() * 30_000);
  if (confidence > 0.2) out.push({ type: 'answered', at: answeredAt, ref, actor: 'bot', mode });
  if (r() < 0.3) out.push({ type: 'feedback', at: answeredAt + 60_000, ref, actor: asker, feedback: pick(['helpful', 'helpful', 'solved', 'not_helpful', 'still_need_human'] as const), mode });
  if (confidence <= 0.2 || r() < 0.1) {
    const escalatedAt = answeredAt + 5_000;
    out.push({ type: 'escalated', at: escalatedAt, ref, actor: 'bot', senior, reason: pick(['low_confidence', 'why_question', 'asked_for_human']), mode });
    out.push({ type: 'escalation_claimed', at: escalatedAt + 600_000, ref, actor: senior, senior, mode });
    out.push({ type: 'senior_replied', at: escalatedAt + 900_000, ref, actor: senior, senior, mode });
    if (r() < 0.8) out.push({ type: 'escalation_resolved', at: Math.floor(escalatedAt + 3_600_000 * (1 + r() * 20)), ref, actor: senior, senior, mode });
  }
  return out;
}

async function fill(store: MetricsStore, total: number): Promise<number> {
  const t0 = performance.now();
  for (const chunk of syntheticEvents(total)) await store.recordMany(chunk);
  return total / ((performance.now() - t0) / 1000);
}

/** A report for a mid-year week, timed from the first query to the finished object. */
async function timeReport(store: MetricsStore): Promise<{ ms: number; week: string; events: number }> {
  const week = weekContaining(YEAR_START + 30 * 7 * 86_400_000 + 3 * 86_400_000, settings.timezone);
  const t0 = performance.now();
  const report = await loadWeeklyReport(store, settings, { week: week.label, now: week.end + 86_400_000 });
  const ms = performance.now() - t0;
  const events = report.questions + report.interruptions;
  return { ms, week: report.week, events };
}

async function pgTableBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT pg_total_relation_size('metric_events') AS bytes");
    return Number(rows[0].bytes);
  } finally {
    await client.end();
  }
}

const dirSizeMb = (dir: string) => fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0) / 1_048_576;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export async function benchMetrics(options: { total?: number; log?: (line: string) => void } = {}): Promise<MetricsBenchFigures> {
  const total = options.total ?? TOTAL;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-bench-metrics-'));
  try {
    const sqlite = SqliteMetricsStore.open(dir);
    const sqliteRate = await fill(sqlite, total);
    const sqliteReport = await timeReport(sqlite);
    await sqlite.close();
    const sqliteMb = dirSizeMb(dir);
    log(`metrics sqlite: ${total} events at ${round(sqliteRate, 0)}/s, ${round(sqliteMb)} MB; report ${sqliteReport.week} in ${round(sqliteReport.ms)} ms`);

    let pgFigures: { ms: number; rate: number; mb: number } | null = null;
    const server = await startThrowawayPostgres().catch((err: unknown) => {
      log(`metrics postgres: skipped (${(err as Error).message.split('\n')[0]})`);
      return undefined;
    });
    if (!server) log('metrics postgres: skipped (no PostgreSQL server binaries)');
    else {
      try {
        const pgStore = await PostgresMetricsStore.open(server.url);
        let rate: number;
        let report: Awaited<ReturnType<typeof timeReport>>;
        try {
          rate = await fill(pgStore, total);
          report = await timeReport(pgStore);
        } finally {
          await pgStore.close();
        }
        pgFigures = { ms: report.ms, rate, mb: (await pgTableBytes(server.url)) / 1_048_576 };
        log(`metrics postgres: ${total} events at ${round(rate, 0)}/s, ${round(pgFigures.mb)} MB; report ${report.week} in ${round(report.ms)} ms`);
      } finally {
        server.stop();
      }
    }
    return {
      report_ms_1m_sqlite: round(sqliteReport.ms),
      report_ms_1m_postgres: pgFigures ? round(pgFigures.ms) : null,
      insert_per_s_1m_sqlite: round(sqliteRate, 0),
      insert_per_s_1m_postgres: pgFigures ? round(pgFigures.rate, 0) : null,
      db_mb_1m_sqlite: round(sqliteMb),
      db_mb_1m_postgres: pgFigures ? round(pgFigures.mb) : null,
      report_week: sqliteReport.week,
      report_week_events: sqliteReport.events,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  benchMetrics({ total: quick ? 100_000 : TOTAL })
    .then((figures) => process.stdout.write(JSON.stringify(figures) + '\n'))
    .catch((err: unknown) => {
      process.stderr.write(`bench-metrics failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    });
}
