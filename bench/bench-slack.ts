/**
 * Slack ack latency and duplicate replies, on loopback: the real app in HTTP mode against the fake
 * Slack Web API. 200 distinct signed mentions, each delivered 3 times (Slack's retries), all at once.
 * Figures: ack p50/p99 (ms, client-measured request → 200) and replies beyond one per question.
 */
import { FakeSlack } from '../test/support/fake-slack.js';
import { eventEnvelope, getOnce, mentionEvent, postSigned } from '../test/support/signed.js';
import { startBenchApp } from './bench-app.js';

const SECRET = 'bench-signing-secret';
const QUESTIONS = ['How do I list shipments?', 'What is the rate limit?', 'How do I verify webhook signatures?', 'How do I create a label?', 'What does error 422 mean?'];

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface AckFigures {
  /** Client-measured: request sent → 200 received, on the same 2-core machine as the app. */
  ack_p50_ms: number;
  ack_p99_ms: number;
  /** The slowest delivery: Slack redelivers anything not acked within 3 s. */
  ack_max_ms: number;
  duplicate_replies: number;
  /** Server-measured: request arrived → response sent (the part Deskmate controls). */
  ack_server_p50_ms: number;
  ack_server_p99_ms: number;
}

export async function benchAcks(options: { mentions?: number; deliveries?: number } = {}): Promise<AckFigures> {
  const mentions = options.mentions ?? 200;
  const deliveries = options.deliveries ?? 3;
  const fake = await FakeSlack.start();
  const serverMs: number[] = [];
  const app = await startBenchApp({ name: 'bench-slack', secret: SECRET, slack: fake, onRequestTimed: (ms) => serverMs.push(ms) }).catch(async (err) => {
    await fake.close();
    throw err;
  });
  const { deskmate, url } = app;
  try {
    const events = Array.from({ length: mentions }, (_, i) => {
      const event = mentionEvent({ channel: `CBENCH${i % 10}`, user: `UJ${i}`, text: `${QUESTIONS[i % QUESTIONS.length]} (${i})` });
      return { event, envelope: eventEnvelope(event, `EvBench${i}`) };
    });
    // Slack keeps connections open; open ours first so the figures are acks, not TCP handshakes.
    await Promise.all(events.map(() => getOnce(url.replace('/slack/events', '/healthz'))));
    // All 200 events in flight at once; each one's retries follow its previous delivery, as Slack's do.
    const perEvent = await Promise.all(
      events.map(async ({ envelope }) => {
        const acks = [];
        for (let n = 0; n < deliveries; n++) acks.push(await postSigned(url, envelope.raw, { secret: SECRET, retryNum: n === 0 ? undefined : n }));
        return acks;
      }),
    );
    const responses = perEvent.flat();
    const failed = responses.filter((r) => r.status !== 200).length;
    if (failed) throw new Error(`${failed} of ${responses.length} deliveries were not acked with 200`);
    await deskmate.idle();
    const latencies = responses.map((r) => r.ms).sort((a, b) => a - b);
    // One placeholder and one answer per question; anything more is a duplicate reply.
    let duplicates = 0;
    for (const { event } of events) {
      const placeholders = fake.threadPosts(String(event.channel), String(event.ts)).filter((c) => String(c.args.text).startsWith(':mag:')).length;
      if (placeholders === 0) throw new Error(`mention ${event.ts} was never answered`);
      duplicates += placeholders - 1;
    }
    const updates = new Map<string, number>();
    for (const c of fake.callsTo('chat.update')) updates.set(`${c.args.channel}:${c.args.ts}`, (updates.get(`${c.args.channel}:${c.args.ts}`) ?? 0) + 1);
    for (const n of updates.values()) duplicates += n - 1;
    // Only the event deliveries, not the warm-up health checks.
    const server = serverMs.slice(-responses.length).sort((a, b) => a - b);
    return {
      ack_p50_ms: round(percentile(latencies, 50)),
      ack_p99_ms: round(percentile(latencies, 99)),
      ack_max_ms: round(latencies[latencies.length - 1] ?? 0),
      duplicate_replies: duplicates,
      ack_server_p50_ms: round(percentile(server, 50)),
      ack_server_p99_ms: round(percentile(server, 99)),
    };
  } finally {
    await app.close();
    await fake.close();
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
