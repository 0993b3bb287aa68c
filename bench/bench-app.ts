/**
 * The app as the Slack benches run it: the bundled sample index, SQLite in a temp dir, retrieval in a
 * worker thread when built (as `deskmate start` runs it; in-thread under ts-jest), HTTP mode on a
 * loopback port, talking to a fake Slack Web API the caller started.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configSchema } from '../src/config.js';
import { Asker } from '../src/knowledge/answer/ask.js';
import { LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from '../src/llm/local-embeddings.js';
import { bundledSamplesDir } from '../src/paths.js';
import { createDeskmateApp, type DeskmateSlackApp } from '../src/slack/app.js';
import type { AskerLike } from '../src/slack/deps.js';
import { WorkerAsker } from '../src/slack/worker-asker.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { runIngest } from '../ingest/pipeline.js';

export interface BenchApp {
  deskmate: DeskmateSlackApp;
  /** The events endpoint, e.g. http://127.0.0.1:PORT/slack/events. */
  url: string;
  /** Stops the app (draining answers), closes the store and the worker, removes the temp dir. */
  close(): Promise<void>;
}

export async function startBenchApp(input: { name: string; secret: string; slack: { url: string; botUserId: string; botId: string }; onRequestTimed?: (ms: number) => void }): Promise<BenchApp> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `deskmate-${input.name}-`));
  const indexDir = path.join(tmp, 'index');
  await runIngest({ roots: [bundledSamplesDir()], indexDir, embedder: { name: LOCAL_EMBEDDER_NAME, embeddings: new LocalHashEmbeddings() } });
  const config = configSchema.parse({
    index: { dir: indexDir },
    dataDir: path.join(tmp, 'data'),
    seniors: ['USENIOR'],
    slack: { botToken: 'xoxb-bench', signingSecret: input.secret, apiUrl: input.slack.url, botUserId: input.slack.botUserId, botId: input.slack.botId },
  });
  const store = SqliteStore.open(config.dataDir);
  const asker: AskerLike = WorkerAsker.available() ? await WorkerAsker.open(config, indexDir) : await Asker.open(config, indexDir);
  const deskmate = await createDeskmateApp({ config, asker, store, mode: 'http', onRequestTimed: input.onRequestTimed });
  const close = async () => {
    await deskmate.stop();
    await store.close();
    await asker.close?.();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const { port } = await deskmate.start({ port: 0, host: '127.0.0.1' });
    return { deskmate, url: `http://127.0.0.1:${port}/slack/events`, close };
  } catch (err) {
    await close();
    throw err;
  }
}
