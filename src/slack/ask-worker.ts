/**
 * Worker-thread entry: owns an Asker so CPU-bound retrieval never runs on the thread that acks
 * Slack's requests. Messages in: {id, op: 'ask'|'reload', question?, options?}; out: {id, ok, value|error}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { isDeskmateError } from '../errors.js';
import { Asker, type AskOptions } from '../knowledge/answer/ask.js';

interface Request {
  id: number;
  op: 'ask' | 'reload' | 'ready';
  question?: string;
  options?: AskOptions;
}

const { config, indexDir } = workerData as { config: Config; indexDir: string };
const opening = Asker.open(config, indexDir);
// An index that fails to open is reported on the first request, not as an unhandled rejection.
opening.catch(() => undefined);

parentPort!.on('message', async (msg: Request) => {
  try {
    const asker = await opening;
    const value = msg.op === 'ask' ? await asker.ask(msg.question ?? '', msg.options) : msg.op === 'reload' ? await asker.reloadIfChanged() : true;
    parentPort!.postMessage({ id: msg.id, ok: true, value });
  } catch (err) {
    parentPort!.postMessage({
      id: msg.id,
      ok: false,
      error: { message: (err as Error).message, code: isDeskmateError(err) ? err.code : undefined, userMessage: isDeskmateError(err) ? err.userMessage : undefined },
    });
  }
});
