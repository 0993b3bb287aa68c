import fs from 'node:fs';
import { reportCommand } from '../../src/cli/report';
import { run } from '../../src/cli/main';
import { SqliteMetricsStore } from '../../src/metrics/sqlite';
import { PostgresMetricsStore } from '../../src/metrics/postgres';
import type { MetricEvent, MetricsStore } from '../../src/metrics/types';
import { freshDatabase, testDatabaseUrl } from '../support/postgres';
import { tmpDir } from '../support/tmp';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = undefined;
});

const ev = (type: MetricEvent['type'], iso: string, over: Partial<MetricEvent> = {}): MetricEvent => ({ type, at: Date.parse(iso), ref: 'C1:1', actor: 'UJ', mode: 'active', ...over });
// 2026-W10 in UTC: two questions (one deflected after 30 s, one low-confidence escalated), three pings.
const seed: MetricEvent[] = [
  ev('question_asked', '2026-03-02T10:00:00Z', { confidence: 0.9, topic: 'api' }),
  ev('answered', '2026-03-02T10:00:30Z', { actor: 'bot' }),
  ev('question_asked', '2026-03-03T10:00:00Z', { ref: 'C1:2', confidence: 0.1, topic: 'billing', text: 'How are refunds prorated?' }),
  ev('escalated', '2026-03-03T10:01:30Z', { ref: 'C1:2', actor: 'bot', senior: 'S1', reason: 'low_confidence' }),
  ev('senior_ping', '2026-03-02T10:00:00Z', { senior: 'S1' }),
  ev('senior_ping', '2026-03-04T10:00:00Z', { ref: 'C1:3', senior: 'S1' }),
  ev('senior_ping', '2026-03-05T10:00:00Z', { ref: 'C1:4', senior: 'S2' }),
];

async function printed(flags: { week?: string; json?: boolean; png?: string }): Promise<string> {
  let out = '';
  await reportCommand(flags, { stdout: { write: (s: string) => (out += s) } }, Date.parse('2026-04-01T00:00:00Z'));
  return out;
}

const backends: Array<[string, () => Promise<{ store: MetricsStore; cleanup(): Promise<void> }>]> = [
  ['sqlite (DESKMATE_DATA_DIR)', async () => {
    const dir = tmpDir();
    process.env.DESKMATE_DATA_DIR = dir;
    return { store: SqliteMetricsStore.open(dir), cleanup: async () => undefined };
  }],
];
const server = testDatabaseUrl();
if (server) {
  backends.push(['postgres (DATABASE_URL)', async () => {
    const db = await freshDatabase(server);
    process.env.DATABASE_URL = db.url;
    return { store: await PostgresMetricsStore.open(db.url), cleanup: db.drop };
  }]);
}

describe.each(backends)('deskmate report from %s', (_name, open) => {
  beforeEach(() => {
    delete process.env.DATABASE_URL;
    delete process.env.DESKMATE_CONFIG;
    process.env.LOG_LEVEL = 'silent';
  });

  test('--json has the documented top-level keys with the week\'s figures', async () => {
    const { store, cleanup } = await open();
    await store.recordMany(seed);
    await store.close();
    try {
      const report = JSON.parse(await printed({ week: '2026-W10', json: true }));
      expect(report).toMatchObject({ questions: 2, answered: 1, escalated: 1, deflection_rate: 0.5, interruptions_per_day: 0.6, median_time_to_answer_s: 30 });
      expect(report.knowledge_gaps).toEqual([expect.objectContaining({ questions: 1, examples: ['How are refunds prorated?'] })]);
      expect(report.per_senior.map((s: { senior: string }) => s.senior)).toEqual(['S1', 'S2']);
    } finally {
      await cleanup();
    }
  });

  test('--png FILE writes the weekly chart as a PNG and says where', async () => {
    const { store, cleanup } = await open();
    await store.recordMany(seed);
    await store.close();
    const out = tmpDir();
    try {
      const file = `${out}/charts/w10.png`;
      const text = await printed({ week: '2026-W10', png: file });
      expect(text).toMatch(/Chart written to .*charts\/w10\.png \(\d+ KB\)\./);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(720);
      expect(png.length).toBeGreaterThan(4000);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
      await cleanup();
    }
  });

  test('the text report names the week and the figures; an empty week says no data', async () => {
    const { store, cleanup } = await open();
    await store.recordMany(seed);
    await store.close();
    try {
      const text = await printed({ week: '2026-W10' });
      expect(text).toMatch(/2026-W10 \(2026-03-02 to 2026-03-08, UTC\)/);
      expect(text).toMatch(/Questions: 2 = 1 answered \+ 1 escalated\n/);
      expect(text).toMatch(/Deflection rate: 50%/);
      expect(await printed({ week: '2026-W11' })).toMatch(/No data for 2026-W11/);
    } finally {
      await cleanup();
    }
  });
});

test('a malformed --week is bad usage (exit code 2) with the expected shape in the message', async () => {
  process.env.DESKMATE_DATA_DIR = tmpDir();
  process.env.LOG_LEVEL = 'silent';
  let err = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    await run(['node', 'deskmate', 'report', '--week', '2026-13']);
  } finally {
    process.stderr.write = write;
  }
  expect(process.exitCode).toBe(2);
  expect(err).toMatch(/YYYY-Www/);
});
