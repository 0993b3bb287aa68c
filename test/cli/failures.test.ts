import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ingestCommand } from '../../src/terminal/ingest-run';
import { isConnectionError } from '../../src/terminal/failures';
import { ErrorCode } from '../../src/errors';
import { tmpDir } from '../support/tmp';

/** A port nothing listens on: bind one, note it, close it. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('ingest failures as messages', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('an index folder that cannot be written says so and how to pick another, before any work', async () => {
    const dir = tmpDir();
    try {
      const file = path.join(dir, 'not-a-folder');
      fs.writeFileSync(file, 'x');
      const err = await ingestCommand([], { index: path.join(file, 'index'), quiet: true }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: ErrorCode.StoreFailed });
      expect((err as Error).message).toMatch(/^Cannot write the index folder .*not-a-folder\/index: a part of the path is a file, not a folder\. Pick a folder you can write with --index DIR/);
      expect((err as Error).message).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unreachable OPENAI_BASE_URL says to retry or use --embedder local, and leaves the index alone', async () => {
    const dir = tmpDir();
    try {
      process.env.OPENAI_BASE_URL = `http://127.0.0.1:${await deadPort()}/v1`;
      process.env.OPENAI_API_KEY = 'sk-test';
      const indexDir = path.join(dir, 'index');
      const err = await ingestCommand([], { index: indexDir, embedder: 'openai', quiet: true }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: ErrorCode.EmbedderFailed });
      expect((err as Error).message).toMatch(/Cannot reach the embeddings server \(http:\/\/127\.0\.0\.1:\d+\/v1; OPENAI_BASE_URL\)\. The index was not changed\. Retry when the server is up, or index offline with `--embedder local`\./);
      expect(fs.existsSync(path.join(indexDir, 'manifest.json'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells connection failures from other errors', () => {
    expect(isConnectionError(Object.assign(new Error('Connection error.'), { name: 'Error' }))).toBe(true);
    expect(isConnectionError(new Error('x', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(isConnectionError(new Error('Unexpected token in JSON'))).toBe(false);
  });
});
