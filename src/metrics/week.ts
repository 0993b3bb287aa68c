import { DeskmateError, ErrorCode } from '../errors.js';

/**
 * ISO weeks and days in the team's timezone, with Intl only: a report week runs from Monday 00:00
 * local to the next Monday 00:00 local, so DST weeks are 167 or 169 hours long.
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

interface ReportDay {
  /** YYYY-MM-DD in the team's timezone. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: number;
  end: number;
}

export interface ReportWeek {
  /** ISO week label, e.g. 2026-W14. */
  label: string;
  start: number;
  end: number;
  days: ReportDay[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch (err) {
      throw new DeskmateError(ErrorCode.ConfigInvalid, `Unknown timezone "${timeZone}" in report.timezone: use an IANA name such as Europe/Berlin.`, { cause: err });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(t: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Local wall time minus UTC at instant t, in ms. */
function offsetAt(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
}

/** The instant a local wall-clock time occurs (the later offset wins inside a DST gap). */
export function zonedInstant(date: CivilDate, timeZone: string, hour = 0, minute = 0): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(first, timeZone);
}

function localDate(t: number, timeZone: string): CivilDate {
  const w = wallClock(t, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

export function addDays(d: CivilDate, n: number): CivilDate {
  const u = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
}

function isoWeekday(d: CivilDate): number {
  const wd = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const formatDate = (d: CivilDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function isoWeekOf(d: CivilDate): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const dayOfYear = (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(thursday.year, 0, 1)) / 86_400_000;
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

function mondayOf(year: number, week: number): CivilDate {
  const jan4 = { year, month: 1, day: 4 };
  return addDays(jan4, 7 * (week - 1) - (isoWeekday(jan4) - 1));
}

function weekFromMonday(monday: CivilDate, timeZone: string): ReportWeek {
  const { year, week } = isoWeekOf(monday);
  const days: ReportDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(monday, i);
    days.push({ date: formatDate(date), weekday: i + 1, start: zonedInstant(date, timeZone), end: zonedInstant(addDays(date, 1), timeZone) });
  }
  return { label: `${year}-W${pad(week)}`, start: days[0].start, end: days[6].end, days };
}

/** The report week containing instant t. */
export function weekContaining(t: number, timeZone: string): ReportWeek {
  const d = localDate(t, timeZone);
  return weekFromMonday(addDays(d, 1 - isoWeekday(d)), timeZone);
}

/** Parses YYYY-Www (e.g. 2026-W09); a usage error names the expected shape. */
export function parseWeek(label: string, timeZone: string): ReportWeek {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(label.trim());
  const week = m ? Number(m[2]) : 0;
  if (!m || week < 1 || week > 53 || isoWeekOf(mondayOf(Number(m[1]), week)).week !== week) {
    throw new DeskmateError(ErrorCode.UsageError, `"${label}" is not an ISO week: use YYYY-Www, e.g. 2026-W09.`);
  }
  return weekFromMonday(mondayOf(Number(m[1]), week), timeZone);
}

export function previousWeek(week: ReportWeek, timeZone: string): ReportWeek {
  return weekContaining(week.start - 3 * 86_400_000, timeZone);
}

/** Working days (by ISO weekday) touched by [from, to], inclusive of both local dates. */
export function workingDaysBetween(from: number, to: number, timeZone: string, workingDays: number[]): number {
  let d = localDate(from, timeZone);
  const last = formatDate(localDate(to, timeZone));
  let count = 0;
  for (let guard = 0; guard < 20_000; guard++) {
    if (workingDays.includes(isoWeekday(d))) count++;
    if (formatDate(d) >= last) break;
    d = addDays(d, 1);
  }
  return count;
}
