import type { App } from '@slack/bolt';
import { childLogger } from '../log.js';
import type { DeskmateStore } from '../store/types.js';
import { isRetryableStoreError } from '../db/retryable.js';
import { WorkQueue } from './work-queue.js';

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
  private readonly queue: WorkQueue<ReceivedEvent>;
  private app: App | undefined;

  constructor(
    private readonly store: DeskmateStore,
    busy: () => boolean = () => false,
    maxDeferMs = 1000,
    /** A few at once, so their question writes share one commit (src/store/group-commit.ts). */
    concurrency = 4,
  ) {
    this.queue = new WorkQueue((e) => e.eventId, (e) => this.handle(e), { concurrency, busy, maxDeferMs, name: 'events' });
  }

  attach(app: App): void {
    this.app = app;
  }

  push(event: ReceivedEvent): void {
    this.queue.push(event);
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
      if (this.queue.push({ eventId: e.eventId, body })) added++;
    }
    return added;
  }

  get size(): number {
    return this.queue.size;
  }

  idle(): Promise<void> {
    return this.queue.idle();
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
