import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import type { AskOptions, AskResult } from '../knowledge/answer/ask.js';
import { childLogger } from '../log.js';
import type { Chunk } from '../ports/chunk.js';
import type { DocsHit, ImportUniverse, SchemaView } from '../ports/docs-index.js';
import type { AskerLike } from './deps.js';
import type { WorkerOp } from './ask-worker-ops.js';

const log = childLogger('slack.worker-asker');

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { message: string; code?: ErrorCode; userMessage?: string } };

/**
 * The Asker behind a worker thread: same calls, but retrieval runs off the main thread so acks
 * never wait behind answers. Needs the compiled worker script (dist); `available()` says whether it
 * is there (under ts-jest it is not, and callers use the in-thread Asker).
 */
export class WorkerAsker implements AskerLike {
  private worker: Worker | undefined;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly config: Config,
    private readonly indexDir: string,
  ) {}

  static scriptPath(): string {
    return path.join(__dirname, 'ask-worker.js');
  }

  static available(): boolean {
    return fs.existsSync(WorkerAsker.scriptPath());
  }

  /** Starts the worker and waits until its index is open (an unusable index fails here, at start-up). */
  static async open(config: Config, indexDir: string): Promise<WorkerAsker> {
    const asker = new WorkerAsker(config, indexDir);
    await asker.call('ready');
    return asker;
  }

  ask(question: string, options?: AskOptions): Promise<AskResult> {
    return this.call('ask', { question, options }) as Promise<AskResult>;
  }

  reloadIfChanged(): Promise<boolean> {
    return this.call('reload') as Promise<boolean>;
  }

  search(query: string, k: number): Promise<DocsHit[]> {
    return this.call('search', { query, k }) as Promise<DocsHit[]>;
  }

  codeExemplars(query: string, k: number): Promise<Chunk[]> {
    return this.call('codeExemplars', { query, k }) as Promise<Chunk[]>;
  }

  // Sets and plain objects cross the thread boundary by structured clone.
  importUniverse(): Promise<ImportUniverse> {
    return this.call('importUniverse') as Promise<ImportUniverse>;
  }

  schema(): Promise<SchemaView> {
    return this.call('schema') as Promise<SchemaView>;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(WorkerAsker.scriptPath(), { workerData: { config: this.config, indexDir: this.indexDir } });
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      // Only outstanding calls keep the process alive, not an idle worker.
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(reply.error.code ? new DeskmateError(reply.error.code, reply.error.userMessage ?? reply.error.message) : new Error(reply.error.message));
    });
    const fail = (err: Error) => {
      log.error({ err: err.message }, 'ask worker died; the next question starts a new one');
      if (this.worker === worker) this.worker = undefined;
      for (const [, w] of this.pending) w.reject(new DeskmateError(ErrorCode.Internal, 'The answering worker stopped unexpectedly; please ask again.', { cause: err }));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker && code !== 0) fail(new Error(`exit code ${code}`));
    });
    worker.unref();
    return worker;
  }

  private call(op: WorkerOp, payload: Record<string, unknown> = {}): Promise<unknown> {
    if (!this.worker) this.worker = this.spawn();
    const id = ++this.seq;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, op, ...payload });
    });
  }
}
