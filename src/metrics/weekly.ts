import type { Config } from '../config.js';
import { buildWeeklyReport, DAY_MS, type WeeklyReport } from './report.js';
import type { MetricsStore } from './types.js';
import { parseWeek, previousWeek, weekContaining } from './week.js';

export interface ReportSettings {
  timezone: string;
  workingDays: number[];
  gapConfidence: number;
}

export function reportSettings(config: Config): ReportSettings {
  return { timezone: config.report.timezone, workingDays: config.report.workingDays, gapConfidence: config.report.gapConfidence ?? config.retrieval.minConfidence };
}

export interface WeekChoice {
  /** ISO week label (YYYY-Www); default: the week containing `now`. */
  week?: string;
  now?: number;
}

/**
 * Loads only what one report needs: last week through 24 h after this one (follow-ups), plus the
 * observe-mode baseline aggregated by the database.
 */
export async function loadWeeklyReport(store: MetricsStore, settings: ReportSettings, choice: WeekChoice = {}): Promise<WeeklyReport> {
  const now = choice.now ?? Date.now();
  const week = choice.week ? parseWeek(choice.week, settings.timezone) : weekContaining(now, settings.timezone);
  const previous = previousWeek(week, settings.timezone);
  const [events, baseline] = await Promise.all([store.eventsBetween(previous.start, week.end + DAY_MS), store.baseline()]);
  return buildWeeklyReport(events, baseline, { week, previous, now, timezone: settings.timezone, workingDays: settings.workingDays, gapConfidence: settings.gapConfidence });
}
