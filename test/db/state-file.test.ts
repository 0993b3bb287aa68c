import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE, moveStateFileAside, resetBadStateFile } from '../../src/db/sqlite-file';
import { ErrorCode } from '../../src/errors';
import { SqliteUsageStore } from '../../src/llm/usage-store';
import { SqliteMetricsStore } from '../../src/metrics/sqlite';
import { SqliteStore } from '../../src/store/sqlite';
import { tmpDir } from '../support/tmp';

/**
 * A database file that exists but is empty or damaged stops start-up with StoreCorrupt and a way out;
 * SQLite would otherwise take a 0-byte file for a new database and every pending question would be gone.
 */
const openers: Array<[string, (dir: string) => { close(): Promise<void> }]> = [
  ['the state store', (dir) => SqliteStore.open(dir)],
  ['the metrics store', (dir) => SqliteMetricsStore.open(dir)],
  ['the LLM usage store', (dir) => SqliteUsageStore.open(dir)],
];

function refusal(open: () => unknown): { code?: string; message: string } {
  try {
    open();
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('expected the open to fail');
}

async function populated(): Promise<{ dir: string; file: string }> {
  const dir = tmpDir('deskmate-state-');
  const store = SqliteStore.open(dir);
  for (let i = 0; i < 400; i++) await store.acceptQuestion({ kind: 'mention', channel: 'C1', user: 'U1', text: `question ${i} ${'x'.repeat(300)}`, messageTs: `${i}.1`, eventId: `Ev${i}` });
  await store.openEscalation({ channel: 'C1', threadTs: '1.1', asker: 'U1', question: 'q', topic: 't', senior: 'S', reason: 'r' });
  await store.close(); // checkpoints the WAL into the main file
  return { dir, file: path.join(dir, DB_FILE) };
}

describe.each(openers)('%s refuses a bad database file', (_name, open) => {
  test('a 0-byte file: StoreCorrupt saying it is empty and how to restore or reset, file left as it was', () => {
    const dir = tmpDir('deskmate-state-');
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, '');
    const err = refusal(() => open(dir));
    expect(err.code).toBe(ErrorCode.StoreCorrupt);
    expect(err.message).toMatch(/empty \(0 bytes\)/);
    expect(err.message).toMatch(/backup/);
    expect(err.message).toMatch(/deskmate start --reset-store/);
    expect(err.message).not.toMatch(/writable/);
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([DB_FILE]);
  });

  test('a half-truncated file: StoreCorrupt about damage, with no advice about a writable folder', async () => {
    const { dir, file } = await populated();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    const err = refusal(() => open(dir));
    expect(err.code).toBe(ErrorCode.StoreCorrupt);
    expect(err.message).toMatch(/damaged/);
    expect(err.message).toMatch(/--reset-store/);
    expect(err.message).not.toMatch(/writable/);
    expect(fs.statSync(file).size).toBe(Math.floor(size / 2));
  });

  test('a file damaged in the middle (opens, but pages are garbage): StoreCorrupt at start-up, not on some later read', async () => {
    const { dir, file } = await populated();
    const fd = fs.openSync(file, 'r+');
    const size = fs.statSync(file).size;
    fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const err = refusal(() => open(dir));
    expect(err.code).toBe(ErrorCode.StoreCorrupt);
    expect(err.message).not.toMatch(/writable/);
  });

  test('a file that is not SQLite at all: StoreCorrupt', () => {
    const dir = tmpDir('deskmate-state-');
    fs.writeFileSync(path.join(dir, DB_FILE), 'this is a text file, not a database\n'.repeat(200));
    expect(refusal(() => open(dir)).code).toBe(ErrorCode.StoreCorrupt);
  });
});

test('a data dir that cannot be created is a StoreFailed error pointing at the folder, not at damage', () => {
  const parent = tmpDir('deskmate-state-');
  const blocker = path.join(parent, 'file');
  fs.writeFileSync(blocker, 'x');
  const err = refusal(() => SqliteStore.open(path.join(blocker, 'data')));
  expect(err.code).toBe(ErrorCode.StoreFailed);
  expect(err.message).toMatch(/writable folder/);
});

test('--reset-store moves the bad file and its WAL aside with a timestamp; the next open starts fresh and nothing is deleted', async () => {
  const { dir, file } = await populated();
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(`${file}-wal`, 'leftover wal');
  const moved = moveStateFileAside(dir, new Date('2026-12-02T01:02:03.456Z'));
  expect(moved.map((p) => path.basename(p))).toEqual([`${DB_FILE}.bad-2026-12-02T01-02-03-456Z`, `${DB_FILE}.bad-2026-12-02T01-02-03-456Z-wal`]);
  expect(fs.readFileSync(moved[0])).toEqual(bytes);
  expect(fs.readFileSync(moved[1], 'utf8')).toBe('leftover wal');
  expect(fs.existsSync(file)).toBe(false);
  const fresh = SqliteStore.open(dir);
  expect(await fresh.pendingQuestions()).toEqual([]);
  await fresh.close();
});

test('a healthy file opens in every store and keeps its state', async () => {
  const { dir } = await populated();
  const store = SqliteStore.open(dir);
  expect(await store.pendingQuestions()).toHaveLength(400);
  const metrics = SqliteMetricsStore.open(dir);
  const usage = SqliteUsageStore.open(dir);
  await Promise.all([store.close(), metrics.close(), usage.close()]);
});

test('resetting moves only a bad file: a 0-byte one goes aside, a healthy one stays with its state', async () => {
  const bad = tmpDir('deskmate-state-');
  fs.writeFileSync(path.join(bad, DB_FILE), '');
  const moved = resetBadStateFile(bad, new Date('2026-12-02T00:00:00Z'));
  expect(moved).toEqual([path.join(bad, `${DB_FILE}.bad-2026-12-02T00-00-00-000Z`)]);
  expect(fs.statSync(moved[0]).size).toBe(0);
  const reopened = SqliteStore.open(bad);
  await reopened.close();

  const { dir } = await populated();
  expect(resetBadStateFile(dir)).toEqual([]);
  const store = SqliteStore.open(dir);
  expect(await store.pendingQuestions()).toHaveLength(400);
  await store.close();
});
