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

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface ChartPoint {
  day: string;
  series: string;
  interruptions: number;
}

/** Rows for the chart: net interruptions (what reached a senior) this week and last week. */
export function chartData(report: WeeklyReport): ChartPoint[] {
  const point = (series: string) => (d: WeeklyReport['per_day'][number]) => ({ day: WEEKDAYS[d.weekday - 1], series, interruptions: d.net_interruptions });
  return [...report.last_week.per_day.map(point(`Last week (${report.last_week.week})`)), ...report.per_day.map(point(`This week (${report.week})`))];
}

export function chartSpec(report: WeeklyReport, size: ChartSize): vl.TopLevelSpec {
  const baseline = report.baseline.interruptions_per_day;
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'day', type: 'nominal', sort: WEEKDAYS, title: null, axis: { labelAngle: 0 } },
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
      mark: { type: 'text', align: 'right', baseline: 'bottom', dx: 0, dy: -4, color: '#d62728', x: 'width' },
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
    title: `Interruptions per day, ${report.week}`,
    data: { values: chartData(report) },
    layer: layers,
  } as vl.TopLevelSpec;
}

export async function chartSvg(report: WeeklyReport, size: ChartSize): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(chartSpec(report, size)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderChartPng(report: WeeklyReport, size: ChartSize = { width: 720, height: 360 }): Promise<Buffer> {
  const svg = await chartSvg(report, size);
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: true }, fitTo: { mode: 'width', value: size.width } }).render().asPng());
}
