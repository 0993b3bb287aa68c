/**
 * Soak: the real app in HTTP mode on loopback, fed signed mentions at a steady rate (default 20/s for
 * 10 minutes), with RSS and heap sampled every 10 s. The fake Slack Web API runs in a child process:
 * it records every call, and that growth must not be counted as the app's.
 * Verdict "flat memory": the heap at the end (after a GC) is within +25% of the heap after the first
 * minute (warm-up: JIT, caches, SQLite page cache, connection pool).
 * Run with `npm run bench -- --soak [--soak-seconds N]`; not in the default bench, not in CI.
 */
import os from 'node:os';
import { eventEnvelope, getOnce, mentionEvent, postSigned } from './support/signed.js';
import { startBenchApp } from './bench-app.js';
import { startSlackSide } from './slack-side.js';

const SECRET = 'bench-soak-signing-secret';
const QUESTIONS = ['How do I list shipments?', 'What is the rate limit?', 'How do I verify webhook signatures?', 'How do I create a label?', 'What does error 422 mean?', 'How do I paginate results?'];
const SAMPLE_MS = 10_000;
const WARMUP_MS = 60_000;
/** One event in this many is delivered a second time with Slack's retry headers: dedupe under load. */
const RETRY_EVERY = 10;

export interface SoakSample {
  atS: number;
  rssMb: number;
  heapUsedMb: number;
  sent: number;
}


export interface SoakFigures {
  seconds: number;
  rate: number;
  sent: number;
  retries: number;
  answered: number;
  duplicates: number;
  /** Deliveries that failed (non-200 or a connection error); each is redelivered as Slack does. */
  failedDeliveries: number;
  /** Events still not acked after Slack's three retries: these would be lost. */
  errors: number;
  ackP50Ms: number;
  ackP99Ms: number;
  heapAfterGc: boolean;
  samples: SoakSample[];
  start: SoakSample;
  warm: SoakSample;
  end: SoakSample;
  maxRssMb: number;
  maxHeapMb: number;
  heapGrowthPct: number;
  flat: boolean;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function sample(startedAt: number, sent: number): SoakSample {
  global.gc?.();
  const m = process.memoryUsage();
  return { atS: Math.round((performance.now() - startedAt) / 1000), rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), sent };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function benchSoak(options: { seconds?: number; rate?: number; log?: (s: string) => void } = {}): Promise<SoakFigures> {
  const seconds = options.seconds ?? 600;
  const rate = options.rate ?? 20;
  const log = options.log ?? (() => undefined);
  const fake = await startSlackSide();
  const app = await startBenchApp({ name: 'bench-soak', secret: SECRET, slack: fake }).catch(async (err) => {
    await fake.close();
    throw err;
  });
  const { deskmate, url } = app;
  let sent = 0;
  let retries = 0;
  let errors = 0;
  const acks: number[] = [];
  try {
    await getOnce(url.replace('/slack/events', '/healthz'));
    const startedAt = performance.now();
    const samples: SoakSample[] = [sample(startedAt, 0)];
    log(`soak: ${seconds} s at ${rate} events/s; start RSS ${samples[0].rssMb} MB, heap ${samples[0].heapUsedMb} MB`);
    const inFlight = new Set<Promise<void>>();
    let failedDeliveries = 0;
    const failures = new Map<string, number>();
    // Like Slack: a delivery that fails is redelivered (retry 1, 2, 3), then given up.
    const deliver = (raw: string, retryNum?: number) => {
      const failed = (why: string) => {
        failedDeliveries++;
        failures.set(why, (failures.get(why) ?? 0) + 1);
        if ((retryNum ?? 0) < 3) setTimeout(() => deliver(raw, (retryNum ?? 0) + 1), 1000);
        else errors++;
      };
      const p = postSigned(url, raw, { secret: SECRET, retryNum })
        .then((r) => {
          acks.push(r.ms);
          if (r.status !== 200) failed(`HTTP ${r.status}`);
        })
        .catch((err: Error & { code?: string }) => failed(err.code ?? err.message))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    const total = seconds * rate;
    let nextSample = SAMPLE_MS;
    // Paced against the clock, not per-tick sleeps, so a slow tick does not lower the rate.
    while (sent < total) {
      const elapsed = performance.now() - startedAt;
      const due = Math.min(total, Math.floor((elapsed / 1000) * rate) + 1);
      for (; sent < due; sent++) {
        const event = mentionEvent({ channel: `CSOAK${sent % 10}`, user: `USOAK${sent % 50}`, text: `${QUESTIONS[sent % QUESTIONS.length]} (${sent})` });
        const { raw } = eventEnvelope(event, `EvSoak${sent}`);
        deliver(raw);
        if (sent % RETRY_EVERY === 0) {
          retries++;
          deliver(raw, 1);
        }
      }
      if (elapsed >= nextSample) {
        const s = sample(startedAt, sent);
        samples.push(s);
        log(`  t=${s.atS}s sent ${s.sent}, RSS ${s.rssMb} MB, heap ${s.heapUsedMb} MB, in flight ${inFlight.size}`);
        nextSample += SAMPLE_MS;
      }
      await new Promise((r) => setTimeout(r, Math.max(1, 1000 / rate / 2)));
    }
    // Redeliveries are scheduled 1 s after a failure: wait until none is pending.
    while (inFlight.size) {
      await Promise.all(inFlight);
      await new Promise((r) => setTimeout(r, 1100));
    }
    if (failures.size) log(`failed deliveries (redelivered): ${JSON.stringify(Object.fromEntries(failures))}`);
    await deskmate.idle();
    const end = sample(startedAt, sent);
    samples.push(end);
    const stats = await fake.stats();
    const warm = samples.find((s) => s.atS * 1000 >= Math.min(WARMUP_MS, (seconds * 1000) / 2)) ?? samples[0];
    const heapGrowthPct = Math.round(((end.heapUsedMb - warm.heapUsedMb) / warm.heapUsedMb) * 1000) / 10;
    const sorted = acks.sort((a, b) => a - b);
    return {
      seconds,
      rate,
      sent,
      retries,
      answered: stats.answered,
      duplicates: stats.duplicates,
      failedDeliveries,
      errors,
      ackP50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
      ackP99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
      heapAfterGc: typeof global.gc === 'function',
      samples,
      start: samples[0],
      warm,
      end,
      maxRssMb: Math.max(...samples.map((s) => s.rssMb)),
      maxHeapMb: Math.max(...samples.map((s) => s.heapUsedMb)),
      heapGrowthPct,
      flat: heapGrowthPct <= 25,
    };
  } finally {
    await app.close();
    await fake.close();
  }
}


/** The `npm run bench -- --soak` printout. */
export async function runSoakCli(seconds: number, json: boolean, line: (s: string) => void, note: (s: string) => void): Promise<void> {
  if (!Number.isFinite(seconds) || seconds < 10) throw new Error('--soak-seconds needs a number ≥ 10');
  line(`Deskmate soak (Node ${process.version}, ${os.cpus().length} cores)\n`);
  const r = await benchSoak({ seconds, log: note });
  const heap = r.heapAfterGc ? 'heap used after GC' : 'heap used (no --expose-gc: not after GC)';
  line(`Soak: ${r.seconds} s at ${r.rate} events/s`);
  line(`  events sent ${r.sent} (+${r.retries} Slack-style retries), answered ${r.answered}, duplicate replies ${r.duplicates}, failed deliveries ${r.failedDeliveries} (redelivered), unacked after 3 retries ${r.errors}`);
  line(`  ack p50 ${r.ackP50Ms} ms, p99 ${r.ackP99Ms} ms`);
  line(`  RSS   start ${r.start.rssMb} MB, after warm-up (t=${r.warm.atS}s) ${r.warm.rssMb} MB, end ${r.end.rssMb} MB, max ${r.maxRssMb} MB`);
  line(`  ${heap}: start ${r.start.heapUsedMb} MB, after warm-up ${r.warm.heapUsedMb} MB, end ${r.end.heapUsedMb} MB, max ${r.maxHeapMb} MB`);
  line(`  verdict: ${r.flat ? 'flat memory' : 'memory GROWS'} (end heap ${r.heapGrowthPct >= 0 ? '+' : ''}${r.heapGrowthPct}% vs after warm-up; limit +25%)`);
  if (json) line(JSON.stringify({ soak: r }));
}

