/**
 * Worker-thread entry: owns an Asker so CPU-bound retrieval never runs on the thread that acks
 * Slack's requests. Messages in: {id, op, question?, options?, query?, k?}; out: {id, ok, value|error}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { isDeskmateError } from '../errors.js';
import { Asker, type AskOptions } from '../knowledge/answer/ask.js';
import type { WorkerOp } from './ask-worker-ops.js';

interface Request {
  id: number;
  op: WorkerOp;
  question?: string;
  options?: AskOptions;
  query?: string;
  k?: number;
}

function run(asker: Asker, msg: Request): Promise<unknown> | boolean {
  switch (msg.op) {
    case 'ask':
      return asker.ask(msg.question ?? '', msg.options);
    case 'reload':
      return asker.reloadIfChanged();
    case 'search':
      return asker.search(msg.query ?? '', msg.k ?? 5);
    case 'codeExemplars':
      return asker.codeExemplars(msg.query ?? '', msg.k ?? 20);
    case 'importUniverse':
      return asker.importUniverse();
    case 'schema':
      return asker.schema();
    case 'ready':
      return true;
  }
}

const { config, indexDir } = workerData as { config: Config; indexDir: string };
const opening = Asker.open(config, indexDir);
// An index that fails to open is reported on the first request, not as an unhandled rejection.
opening.catch(() => undefined);

parentPort!.on('message', async (msg: Request) => {
  try {
    const asker = await opening;
    const value = await run(asker, msg);
    parentPort!.postMessage({ id: msg.id, ok: true, value });
  } catch (err) {
    parentPort!.postMessage({
      id: msg.id,
      ok: false,
      error: { message: (err as Error).message, code: isDeskmateError(err) ? err.code : undefined, userMessage: isDeskmateError(err) ? err.userMessage : undefined },
    });
  }
});
