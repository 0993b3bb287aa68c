import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { WeeklyReport } from './report.js';

/**
 * The weekly chart: interruptions per day this week and last week, with the observe-mode baseline
 * as a rule. vega-lite → vega → SVG (no canvas) → PNG with resvg, all server-side and prebuilt.
 */

export interface ChartSize {
  width: number;
  height: number;
}

export interface ChartOptions {
  /** ISO weekdays shown even when empty; other days (weekends) only when something happened on them. */
  workingDays?: number[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2–8 Mar 2026", "30 Mar – 5 Apr 2026", "29 Dec 2025 – 4 Jan 2026": the week's local dates. */
export function weekDates(report: WeeklyReport): string {
  const first = report.per_day[0]?.date;
  const last = report.per_day[report.per_day.length - 1]?.date;
  if (!first || !last) return report.week;
  const [y1, m1, d1] = first.split('-').map(Number);
  const [y2, m2, d2] = last.split('-').map(Number);
  if (y1 !== y2) return `${d1} ${MONTHS[m1 - 1]} ${y1} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
  if (m1 !== m2) return `${d1} ${MONTHS[m1 - 1]} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
  return `${d1}–${d2} ${MONTHS[m2 - 1]} ${y2}`;
}

/** The figure a team lead looks for first, under the title. */
export function headline(report: WeeklyReport): string {
  const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);
  const per = (n: number | null) => (n === null ? 'n/a' : (Math.round(n * 10) / 10).toString());
  const parts = [`Deflection ${pct(report.deflection_rate)} of ${report.questions} question${report.questions === 1 ? '' : 's'}`];
  parts.push(`${per(report.net_interruptions_per_day)} interruptions/day reached seniors`);
  if (report.baseline.interruptions_per_day !== null) parts.push(`baseline ${per(report.baseline.interruptions_per_day)}/day`);
  return parts.join(' · ');
}

/** The weekdays the chart shows: working days, plus any other day that has data in either week. */
function shownWeekdays(report: WeeklyReport, workingDays: number[] = [1, 2, 3, 4, 5]): number[] {
  const busy = new Set([...report.per_day, ...report.last_week.per_day].filter((d) => d.net_interruptions || d.interruptions || d.questions).map((d) => d.weekday));
  return [1, 2, 3, 4, 5, 6, 7].filter((w) => workingDays.includes(w) || busy.has(w));
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface ChartPoint {
  day: string;
  series: string;
  interruptions: number;
}

/** Rows for the chart: net interruptions (what reached a senior) this week and last week. */
export function chartData(report: WeeklyReport, options: ChartOptions = {}): ChartPoint[] {
  const shown = new Set(shownWeekdays(report, options.workingDays));
  const point = (series: string) => (d: WeeklyReport['per_day'][number]) => ({ day: WEEKDAYS[d.weekday - 1], series, interruptions: d.net_interruptions });
  const keep = (d: WeeklyReport['per_day'][number]) => shown.has(d.weekday);
  return [...report.last_week.per_day.filter(keep).map(point(`Last week (${report.last_week.week})`)), ...report.per_day.filter(keep).map(point(`This week (${report.week})`))];
}

export function chartSpec(report: WeeklyReport, size: ChartSize, options: ChartOptions = {}): vl.TopLevelSpec {
  const baseline = report.baseline.interruptions_per_day;
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'day', type: 'nominal', sort: WEEKDAYS, title: null, axis: { labelAngle: 0 }, scale: { paddingOuter: 0.3 } },
        xOffset: { field: 'series' },
        y: { field: 'interruptions', type: 'quantitative', title: 'Senior interruptions' },
        color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'top', labelLimit: 400 } },
      },
    },
  ];
  if (baseline !== null) {
    layers.push({
      data: { values: [{ baseline }] },
      mark: { type: 'rule', color: '#d62728', strokeDash: [6, 4], strokeWidth: 2 },
      encoding: { y: { field: 'baseline', type: 'quantitative' } },
    });
    layers.push({
      data: { values: [{ baseline, label: `Baseline (observe mode): ${baseline.toFixed(1)}/day` }] },
      // Inset from the plot's right edge so the label never touches the frame or the last bar group's edge.
      mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -8, dy: -5, color: '#d62728', x: 'width', fontSize: 11, fontWeight: 'bold' },
      encoding: { y: { field: 'baseline', type: 'quantitative' }, text: { field: 'label' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: size.width,
    height: size.height,
    // The whole image, axes and legend included, is exactly width × height.
    autosize: { type: 'fit', contains: 'padding' },
    padding: 12,
    background: 'white',
    title: {
      text: `Senior interruptions per day, ${report.week} (${weekDates(report)})`,
      subtitle: headline(report),
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: 12,
      subtitleColor: '#333',
      subtitlePadding: 6,
      offset: 10,
    },
    data: { values: chartData(report, options) },
    layer: layers,
  } as vl.TopLevelSpec;
}

async function chartSvg(report: WeeklyReport, size: ChartSize, options: ChartOptions = {}): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(chartSpec(report, size, options)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderChartPng(report: WeeklyReport, size: ChartSize = { width: 720, height: 360 }, options: ChartOptions = {}): Promise<Buffer> {
  const svg = await chartSvg(report, size, options);
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: true }, fitTo: { mode: 'width', value: size.width } }).render().asPng());
}
