/**
 * Slack's side of the Slack benches: the fake Web API that records what the bot calls, and the sender
 * of signed events. Built (dist), it runs in its own process, as Slack does: its recording and its
 * HTTP client must not share the app's event loop, or the figures measure the bench, not the app.
 * Under ts-jest (no compiled script to fork) it runs in-process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { FakeSlack } from './support/fake-slack.js';
import { getOnce, postSigned } from './support/signed.js';

const CHILD_FLAG = '--slack-side-child';

export interface ReplyStats {
  /** Threads that got a placeholder (one per question answered). */
  answered: number;
  /** More than one placeholder in a thread, or more than one update of a message. */
  duplicates: number;
  calls: number;
}

export interface Delivery {
  status: number;
  ms: number;
}

export interface BurstInput {
  appUrl: string;
  secret: string;
  /** Raw event envelopes, all sent at once. */
  envelopes: string[];
  /** Each envelope is delivered this many times in sequence (Slack's retries: retry 1, 2, …). */
  deliveries: number;
}

export interface SlackSide {
  url: string;
  botUserId: string;
  botId: string;
  /** Opens `connections` keep-alive connections to the app (Slack reuses its connections). */
  warm(appUrl: string, connections: number): Promise<void>;
  burst(input: BurstInput): Promise<Delivery[]>;
  stats(): Promise<ReplyStats>;
  close(): Promise<void>;
}

export function replyStats(fake: FakeSlack): ReplyStats {
  const threads = new Map<string, number>();
  const updates = new Map<string, number>();
  for (const c of fake.calls) {
    if (c.method === 'chat.postMessage' && c.args.thread_ts) {
      const key = `${c.args.channel}:${c.args.thread_ts}`;
      const placeholder = String(c.args.text).startsWith(':mag:') ? 1 : 0;
      threads.set(key, (threads.get(key) ?? 0) + placeholder);
    } else if (c.method === 'chat.update') {
      const key = `${c.args.channel}:${c.args.ts}`;
      updates.set(key, (updates.get(key) ?? 0) + 1);
    }
  }
  let duplicates = 0;
  let answered = 0;
  for (const n of threads.values()) {
    if (n > 0) answered++;
    duplicates += Math.max(0, n - 1);
  }
  for (const n of updates.values()) duplicates += n - 1;
  return { answered, duplicates, calls: fake.calls.length };
}

async function warmConnections(appUrl: string, connections: number): Promise<void> {
  await Promise.all(Array.from({ length: connections }, () => getOnce(appUrl.replace('/slack/events', '/healthz'))));
}

async function sendBurst(input: BurstInput): Promise<Delivery[]> {
  const perEvent = await Promise.all(
    input.envelopes.map(async (raw) => {
      const out: Delivery[] = [];
      for (let n = 0; n < input.deliveries; n++) {
        const r = await postSigned(input.appUrl, raw, { secret: input.secret, retryNum: n === 0 ? undefined : n }).catch(() => ({ status: 0, ms: 0 }));
        out.push({ status: r.status, ms: r.ms });
      }
      return out;
    }),
  );
  return perEvent.flat();
}

class LocalSlackSide implements SlackSide {
  constructor(private readonly fake: FakeSlack) {}
  get url() {
    return this.fake.url;
  }
  get botUserId() {
    return this.fake.botUserId;
  }
  get botId() {
    return this.fake.botId;
  }
  warm(appUrl: string, connections: number) {
    return warmConnections(appUrl, connections);
  }
  burst(input: BurstInput) {
    return sendBurst(input);
  }
  async stats() {
    return replyStats(this.fake);
  }
  close() {
    return this.fake.close();
  }
}

type Request = { id: number; type: 'stats' | 'close' } | { id: number; type: 'warm'; appUrl: string; connections: number } | { id: number; type: 'burst'; input: BurstInput };

/** A request without its id, member by member (a plain Omit over the union would merge them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Ask = WithoutId<Request>;

class RemoteSlackSide implements SlackSide {
  private readonly pending = new Map<number, (v: unknown) => void>();
  private seq = 0;

  constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly botUserId: string,
    readonly botId: string,
  ) {
    child.on('message', (m: { id?: number; value?: unknown }) => {
      if (m.id === undefined) return;
      this.pending.get(m.id)?.(m.value);
      this.pending.delete(m.id);
    });
  }

  private ask<T>(request: Ask): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (v: unknown) => void);
      this.child.send({ ...request, id });
    });
  }

  warm(appUrl: string, connections: number) {
    return this.ask<void>({ type: 'warm', appUrl, connections });
  }
  burst(input: BurstInput) {
    return this.ask<Delivery[]>({ type: 'burst', input });
  }
  stats() {
    return this.ask<ReplyStats>({ type: 'stats' });
  }
  async close() {
    await this.ask({ type: 'close' });
    await new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
  }
}

export async function startSlackSide(): Promise<SlackSide> {
  if (!__filename.endsWith('.js')) return new LocalSlackSide(await FakeSlack.start());
  const child = fork(__filename, [CHILD_FLAG], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ url: string; botUserId: string; botId: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; botUserId: string; botId: string }));
    child.once('exit', (code) => reject(new Error(`Slack-side child exited (${code})`)));
  });
  return new RemoteSlackSide(child, ready.url, ready.botUserId, ready.botId);
}

async function runChild(): Promise<void> {
  const fake = await FakeSlack.start();
  process.on('message', async (m: Request) => {
    if (m.type === 'stats') return void process.send!({ id: m.id, value: replyStats(fake) });
    if (m.type === 'warm') return void process.send!({ id: m.id, value: await warmConnections(m.appUrl, m.connections) });
    if (m.type === 'burst') return void process.send!({ id: m.id, value: await sendBurst(m.input) });
    await fake.close();
    process.send!({ id: m.id, value: null }, () => process.disconnect());
  });
  process.send!({ url: fake.url, botUserId: fake.botUserId, botId: fake.botId });
}

if (require.main === module && process.argv.includes(CHILD_FLAG)) void runChild();
