/**
 * Slack ack latency and duplicate replies, on loopback: the real app in HTTP mode against the fake
 * Slack Web API. 200 distinct signed mentions, each delivered 3 times (Slack's retries), all at once.
 * Figures: ack p50/p99 (ms, client-measured request → 200) and replies beyond one per question.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configSchema } from '../src/config.js';
import { Asker } from '../src/knowledge/ask.js';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../src/llm/local-embeddings.js';
import { bundledSamplesDir } from '../src/paths.js';
import { createDeskmateApp } from '../src/slack/app.js';
import type { AskerLike } from '../src/slack/deps.js';
import { WorkerAsker } from '../src/slack/worker-asker.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { runIngest } from '../ingest/pipeline.js';
import { FakeSlack } from '../test/support/fake-slack.js';
import { eventEnvelope, getOnce, mentionEvent, postSigned } from '../test/support/signed.js';

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
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-bench-slack-'));
  const indexDir = path.join(tmp, 'index');
  await runIngest({ roots: [bundledSamplesDir()], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  const fake = await FakeSlack.start();
  const config = configSchema.parse({
    index: { dir: indexDir },
    dataDir: path.join(tmp, 'data'),
    seniors: ['USENIOR'],
    slack: { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.url, botUserId: fake.botUserId, botId: fake.botId },
  });
  const store = SqliteStore.open(config.dataDir);
  // Built (dist): retrieval in a worker thread, as `deskmate start` runs it; under ts-jest: in-thread.
  const asker: AskerLike = WorkerAsker.available() ? await WorkerAsker.open(config, indexDir) : await Asker.open(config, indexDir);
  const serverMs: number[] = [];
  const deskmate = await createDeskmateApp({ config, asker, store, mode: 'http', onRequestTimed: (ms) => serverMs.push(ms) });
  try {
    const { port } = await deskmate.start({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${port}/slack/events`;
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
    await deskmate.stop();
    await store.close();
    await asker.close?.();
    await fake.close();
    fs.rmSync(tmp, { recursive: true, force: true });
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
