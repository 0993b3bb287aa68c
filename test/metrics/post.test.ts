import { postWeeklyReport, type ReportPoster } from '../../src/metrics/post';
import { reportBlocks } from '../../src/metrics/blocks';
import { formatReportText } from '../../src/metrics/format';
import { SqliteMetricsStore } from '../../src/metrics/sqlite';
import type { Block } from '../../src/metrics/blocks';
import type { MetricEvent } from '../../src/metrics/types';
import { tmpDir } from '../support/tmp';

const settings = { timezone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], gapConfidence: 0.35 };
// Monday 9 March 2026, 09:00 Berlin: the run reports 2026-W10 (2–8 March), the week just ended.
const MONDAY_RUN = Date.parse('2026-03-09T08:00:00Z');

class RecordingPoster implements ReportPoster {
  messages: Array<{ channel: string; text: string; blocks: Block[] }> = [];
  uploads: Array<{ channel: string; png: Buffer; filename: string }> = [];
  async postMessage(channel: string, text: string, blocks: Block[]) {
    this.messages.push({ channel, text, blocks });
  }
  async uploadPng(channel: string, png: Buffer, filename: string) {
    this.uploads.push({ channel, png, filename });
  }
}

const ev = (type: MetricEvent['type'], iso: string, over: Partial<MetricEvent> = {}): MetricEvent => ({ type, at: Date.parse(iso), ref: 'C1:1.1', actor: 'UJ', mode: 'active', ...over });

test('a Monday run posts last week: blocks with the figures, then the chart image', async () => {
  const store = SqliteMetricsStore.open(tmpDir());
  await store.recordMany([
    ev('question_asked', '2026-03-03T10:00:00Z', { confidence: 0.2, topic: 'billing', text: 'How do I refund an invoice for <@U999>?' }),
    ev('answered', '2026-03-03T10:00:40Z', { actor: 'bot' }),
    ev('feedback', '2026-03-03T10:02:00Z', { feedback: 'not_helpful' }),
    ev('senior_ping', '2026-03-03T10:00:00Z', { senior: 'S1', isQuestion: true }),
  ]);
  const poster = new RecordingPoster();
  const { status, report } = await postWeeklyReport({ store, settings, poster, channel: 'CDASH', now: MONDAY_RUN });
  await store.close();
  expect(status).toBe('posted');
  expect(report.week).toBe('2026-W10');
  expect(poster.messages).toHaveLength(1);
  const json = JSON.stringify(poster.messages[0].blocks);
  expect(json).toContain('Deskmate weekly report · 2026-W10');
  expect(json).toContain('0.2/day'); // 1 ping over 5 working days
  expect(json).toContain('refund');
  expect(json).not.toContain('<@U999>'); // examples never re-ping people
  expect(poster.uploads).toEqual([expect.objectContaining({ channel: 'CDASH', filename: 'deskmate-2026-W10.png' })]);
  expect(poster.uploads[0].png.subarray(1, 4).toString()).toBe('PNG');
});

test('an empty week posts a short "no data" note and no chart, or nothing when told to skip', async () => {
  const store = SqliteMetricsStore.open(tmpDir());
  const poster = new RecordingPoster();
  expect((await postWeeklyReport({ store, settings, poster, channel: 'CDASH', now: MONDAY_RUN })).status).toBe('no_data');
  expect(poster.messages[0].text).toMatch(/^No data for 2026-W10/);
  expect(poster.messages[0].blocks).toHaveLength(2);
  expect(poster.uploads).toEqual([]);
  expect((await postWeeklyReport({ store, settings, poster, channel: 'CDASH', now: MONDAY_RUN, skipEmptyWeek: true })).status).toBe('skipped');
  expect(poster.messages).toHaveLength(1);
  await store.close();
});

test('blocks stay within Block Kit limits however many gaps and long examples there are', async () => {
  const store = SqliteMetricsStore.open(tmpDir());
  const events: MetricEvent[] = [];
  for (let i = 0; i < 40; i++) events.push(ev('question_asked', '2026-03-04T10:00:00Z', { ref: `C1:${i}`, confidence: 0.1, text: `topic${i} ${'long words '.repeat(400)}` }));
  await store.recordMany(events);
  const poster = new RecordingPoster();
  const { report } = await postWeeklyReport({ store, settings, poster, channel: 'C', now: MONDAY_RUN });
  await store.close();
  for (const block of reportBlocks(report)) {
    const text = (block.text as { text?: string } | undefined)?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(3000);
    for (const f of (block.fields as Array<{ text: string }> | undefined) ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
  }
  expect(formatReportText(report)).toContain('Knowledge gaps:');
});
