import { buildWeeklyReport } from '../../src/metrics/report';
import { chartData, chartSpec, headline, renderChartPng, weekDates } from '../../src/metrics/chart';
import type { MetricEvent } from '../../src/metrics/types';
import { previousWeek, parseWeek } from '../../src/metrics/week';

const TZ = 'UTC';
const week = parseWeek('2026-W10', TZ);
const previous = previousWeek(week, TZ);
const ping = (at: number, senior = 'S1'): MetricEvent => ({ type: 'senior_ping', at, ref: `C:${at}`, actor: 'UJ', senior, mode: 'active', isQuestion: true });

function report(events: MetricEvent[]) {
  return buildWeeklyReport(events, { pings: 10, firstAt: Date.parse('2026-02-16T09:00:00Z'), lastAt: Date.parse('2026-02-20T09:00:00Z'), perSenior: { S1: 10 } }, { week, previous, timezone: TZ, now: week.end, workingDays: [1, 2, 3, 4, 5], gapConfidence: 0.35 });
}

/** Width and height from the IHDR chunk, which follows the 8-byte PNG signature and the chunk header. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('the chart is a PNG of exactly the requested size, axes and legend included', async () => {
  const events = [ping(week.days[0].start + 3_600_000), ping(week.days[0].start + 7_200_000), ping(week.days[2].start + 3_600_000), ping(previous.days[1].start + 3_600_000)];
  const png = await renderChartPng(report(events), { width: 640, height: 320 });
  expect(pngSize(png)).toEqual({ width: 640, height: 320 });
  // A blank canvas compresses to well under a kilobyte; bars, axes, labels and the legend do not.
  expect(png.length).toBeGreaterThan(4_000);
});

test('chart rows put last week beside this week on working days; an empty weekend is left out', () => {
  const rows = chartData(report([ping(week.days[0].start + 1), ping(week.days[0].start + 2), ping(previous.days[3].start + 1)]));
  expect(rows).toHaveLength(10);
  expect(rows.some((r) => r.day === 'Sat' || r.day === 'Sun')).toBe(false);
  expect(rows.find((r) => r.series.startsWith('This week') && r.day === 'Mon')?.interruptions).toBe(2);
  expect(rows.find((r) => r.series.startsWith('Last week') && r.day === 'Thu')?.interruptions).toBe(1);
});

test('an empty week still renders (zero bars and the baseline)', async () => {
  const png = await renderChartPng(report([]), { width: 400, height: 200 });
  expect(pngSize(png)).toEqual({ width: 400, height: 200 });
});

test('a weekend day with data is shown, in either week', () => {
  const rows = chartData(report([ping(previous.days[6].start + 1)]));
  expect([...new Set(rows.map((r) => r.day))]).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sun']);
  expect(rows.find((r) => r.series.startsWith('Last week') && r.day === 'Sun')?.interruptions).toBe(1);
});

test('the title gives the dates of the week and the headline the deflection rate', () => {
  const r = report([ping(week.days[0].start + 1)]);
  expect(weekDates(r)).toBe('2–8 Mar 2026');
  const spec = chartSpec(r, { width: 640, height: 320 }) as unknown as { title: { text: string; subtitle: string } };
  expect(spec.title.text).toBe('Senior interruptions per day, 2026-W10 (2–8 Mar 2026)');
  expect(spec.title.subtitle).toBe(headline(r));
  expect(headline(r)).toMatch(/^Deflection n\/a of 0 questions · 0\.2 interruptions\/day reached seniors · baseline 2\/day$/);
});

test('week dates across a month and a year', () => {
  const dates = (label: string) => weekDates(buildWeeklyReport([], { pings: 0, perSenior: {} }, { week: parseWeek(label, TZ), previous: previousWeek(parseWeek(label, TZ), TZ), timezone: TZ, now: 0, workingDays: [1, 2, 3, 4, 5], gapConfidence: 0.35 }));
  expect(dates('2026-W14')).toBe('30 Mar – 5 Apr 2026');
  expect(dates('2026-W01')).toBe('29 Dec 2025 – 4 Jan 2026');
});
