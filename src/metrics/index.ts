/** The metrics capability: record events, build and post the weekly report. */
export type * from './types.js';
export { MetricsRecorder, type QuestionAsked, type ChannelMessage } from './recorder.js';
export { rosterFromConfig, seniorPings, threadRef, type Roster } from './pings.js';
export { openMetricsStore } from './create.js';
export { BufferedMetricsStore, type BufferOptions } from './buffered.js';
export { SqliteMetricsStore } from './sqlite.js';
export { PostgresMetricsStore } from './postgres.js';
export { loadWeeklyReport, reportSettings, type ReportSettings } from './weekly.js';
export type { WeeklyReport } from './report.js';
export { reportBlocks, reportFallbackText, type Block } from './blocks.js';
export { formatReportText } from './format.js';
export { renderChartPng } from './chart.js';
export { postWeeklyReport, webClientPoster, type ReportPoster, type WebClientLike } from './post.js';
export { scheduleWeeklyReport, nextRunTimes, type ScheduledReport } from './scheduler.js';
