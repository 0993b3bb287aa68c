import type { App } from '@slack/bolt';
import { childLogger } from '../log.js';
import type { DeskmateStore } from '../store/types.js';
import { isRetryableStoreError } from '../db/retryable.js';

const log = childLogger('slack.handoff');

export interface ReceivedEvent {
  eventId: string;
  body: Record<string, unknown>;
  retryNum?: number;
}

/**
 * Hands events the front has stored and acked to Bolt's middleware and listeners, one at a time and
 * only while no request is waiting for its ack (for at most `maxDeferMs`, so a steady stream cannot
 * starve them). A handled event is settled in the inbox; one that failed on a busy or absent store
 * stays unsettled and `replay` (start-up, the periodic sweep) hands it over again. The inbox is the
 * source of truth: what is lost from memory here (a crash) is replayed from it.
 */
export class EventHandoff {
  private readonly waiting: Array<ReceivedEvent & { at: number }> = [];
  private readonly known = new Set<string>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];
  private app: App | undefined;

  constructor(
    private readonly store: DeskmateStore,
    private readonly busy: () => boolean = () => false,
    private readonly maxDeferMs = 1000,
    /** A few at once, so their question writes share one commit (src/store/group-commit.ts). */
    private readonly concurrency = 4,
  ) {}

  attach(app: App): void {
    this.app = app;
  }

  push(event: ReceivedEvent): void {
    if (this.known.has(event.eventId)) return;
    this.known.add(event.eventId);
    this.waiting.push({ ...event, at: performance.now() });
    this.pump();
  }

  /** Hands over every stored, unsettled event received more than `olderThanMs` ago (crash recovery). */
  async replay(olderThanMs: number): Promise<number> {
    const owed = await this.store.unsettledEvents(Date.now() - olderThanMs);
    let added = 0;
    for (const e of owed) {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(e.body) as Record<string, unknown>;
      } catch {
        await this.store.settleEvent(e.eventId);
        continue;
      }
      if (!this.known.has(e.eventId)) added++;
      this.push({ eventId: e.eventId, body });
    }
    return added;
  }

  get size(): number {
    return this.waiting.length + this.running;
  }

  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.waiting.shift();
      if (!next) return;
      this.running++;
      const run = () => {
        // Acks first: a listener sanitizes and stores, which would hold up requests still in the socket.
        if (this.busy() && performance.now() - next.at < this.maxDeferMs) return void setTimeout(run, 2);
        void this.handle(next).finally(() => {
          this.known.delete(next.eventId);
          this.running--;
          this.pump();
          if (this.size === 0) for (const w of this.idleWaiters.splice(0)) w();
        });
      };
      setImmediate(run);
    }
  }

  private async handle(event: ReceivedEvent): Promise<void> {
    if (!this.app) throw new Error('EventHandoff used before attach(app)');
    try {
      // The 200 went out already: Bolt's ack is a no-op here.
      await this.app.processEvent({ body: event.body, ack: async () => undefined, retryNum: event.retryNum, customProperties: {} });
    } catch (err) {
      if (isRetryableStoreError(err)) {
        log.warn({ eventId: event.eventId, err: (err as Error).message }, 'store busy while handling a stored event; it is handed over again at the next sweep');
        return;
      }
      log.error({ eventId: event.eventId, err: (err as Error).message, code: (err as { code?: string }).code }, 'stored event failed in Bolt; settled so it does not loop');
    }
    await this.store.settleEvent(event.eventId).catch((err) => log.warn({ eventId: event.eventId, err: (err as Error).message }, 'could not settle a handled event; a replay will find it a duplicate'));
  }
}
