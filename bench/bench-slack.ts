/**
 * Slack ack latency and duplicate replies, on loopback: the real app in HTTP mode against the fake
 * Slack Web API. 200 distinct signed mentions, each delivered 3 times (Slack's retries), all at once.
 * Figures: ack p50/p99 (ms, client-measured request → 200) and replies beyond one per question, beside
 * a floor measured in the same run: a bare node:http server that only reads, verifies and answers 200.
 * Alone: `npm run build && node dist/bench/bench-slack.js` (one JSON line).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventEnvelope, mentionEvent } from './support/signed.js';
import { startBenchApp } from './bench-app.js';
import { startSlackSide } from './slack-side.js';

const SECRET = 'bench-signing-secret';
const QUESTIONS = ['How do I list shipments?', 'What is the rate limit?', 'How do I verify webhook signatures?', 'How do I create a label?', 'What does error 422 mean?'];

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface AckFigures {
  /** Measured by the sender (Slack's side, its own process when built): request sent → 200 received. */
  ack_p50_ms: number;
  ack_p99_ms: number;
  /** The slowest delivery: Slack redelivers anything not acked within 3 s. */
  ack_max_ms: number;
  duplicate_replies: number;
  /** Server-measured: request arrived → response sent (the part Deskmate controls). */
  ack_server_p50_ms: number;
  ack_server_p99_ms: number;
  /** The same burst against a bare node:http server (read body, check the signature, 200): the floor here. */
  ack_floor_p50_ms: number;
  ack_floor_p99_ms: number;
  /** ack p99 ÷ floor p99, both from this run: the target (#15) is ≤ 1.2 on any machine. */
  ack_vs_floor_p99: number;
}

/** A server that does only what any Slack receiver must: read the body, check the signature, answer. */
async function bareServer(secret: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = `v0=${crypto.createHmac('sha256', secret).update(`v0:${req.headers['x-slack-request-timestamp']}:${body}`).digest('hex')}`;
      res.writeHead(expected === req.headers['x-slack-signature'] || !body ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function benchAcks(options: { mentions?: number; deliveries?: number } = {}): Promise<AckFigures> {
  const mentions = options.mentions ?? 200;
  const deliveries = options.deliveries ?? 3;
  // Slack (the fake Web API and the event sender) in its own process when built, as in production.
  const slack = await startSlackSide();
  const serverMs: number[] = [];
  const app = await startBenchApp({ name: 'bench-slack', secret: SECRET, slack, onRequestTimed: (ms) => serverMs.push(ms) }).catch(async (err) => {
    await slack.close();
    throw err;
  });
  try {
    const envelopes = Array.from({ length: mentions }, (_, i) => {
      const event = mentionEvent({ channel: `CBENCH${i % 10}`, user: `UJ${i}`, text: `${QUESTIONS[i % QUESTIONS.length]} (${i})` });
      return eventEnvelope(event, `EvBench${i}`).raw;
    });
    // Slack keeps connections open; open ours first so the figures are acks, not TCP handshakes.
    await slack.warm(app.url, mentions);
    // All events in flight at once; each one's retries follow its previous delivery, as Slack's do.
    const responses = await slack.burst({ appUrl: app.url, secret: SECRET, envelopes, deliveries });
    const failed = responses.filter((r) => r.status !== 200).length;
    if (failed) throw new Error(`${failed} of ${responses.length} deliveries were not acked with 200`);
    await app.deskmate.idle();
    const stats = await slack.stats();
    if (stats.answered !== mentions) throw new Error(`${mentions - stats.answered} of ${mentions} mentions were never answered`);
    const latencies = responses.map((r) => r.ms).sort((a, b) => a - b);
    const bare = await bareServer(SECRET);
    const floor = await slack
      .warm(bare.url, mentions)
      .then(() => slack.burst({ appUrl: bare.url, secret: SECRET, envelopes, deliveries }))
      .finally(() => bare.close());
    const floorMs = floor.map((r) => r.ms).sort((a, b) => a - b);
    // Only the event deliveries, not the warm-up health checks.
    const server = serverMs.slice(-responses.length).sort((a, b) => a - b);
    return {
      ack_p50_ms: round(percentile(latencies, 50)),
      ack_p99_ms: round(percentile(latencies, 99)),
      ack_max_ms: round(latencies[latencies.length - 1] ?? 0),
      duplicate_replies: stats.duplicates,
      ack_server_p50_ms: round(percentile(server, 50)),
      ack_server_p99_ms: round(percentile(server, 99)),
      ack_floor_p50_ms: round(percentile(floorMs, 50)),
      ack_floor_p99_ms: round(percentile(floorMs, 99)),
      ack_vs_floor_p99: Math.round((percentile(latencies, 99) / Math.max(1, percentile(floorMs, 99))) * 100) / 100,
    };
  } finally {
    await app.close();
    await slack.close();
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (require.main === module) {
  benchAcks().then(
    (r) => console.log(JSON.stringify(r)),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
