/**
 * Working hours: is it a good time to interrupt this senior? Pure, timezone-aware via Intl.
 * Unset hours mean always. A window may wrap midnight (start > end, e.g. 22:00–06:00).
 */

export interface WorkingHours {
  timezone: string;
  /** "HH:MM", 24-hour, in the senior's timezone. */
  start: string;
  end: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new Error(`not a HH:MM time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Local weekday (1–7) and minute of day for an instant in a timezone. */
export function localClock(now: Date, timezone: string): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: WEEKDAYS[get('weekday')] ?? 1, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function isWithinWorkingHours(now: Date, hours: WorkingHours | undefined): boolean {
  if (!hours) return true;
  const { weekday, minute } = localClock(now, hours.timezone);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === end) return hours.days.includes(weekday);
  if (start < end) return hours.days.includes(weekday) && minute >= start && minute < end;
  // Overnight window: the part after midnight belongs to the previous day's shift.
  if (minute >= start) return hours.days.includes(weekday);
  if (minute < end) return hours.days.includes(weekday === 1 ? 7 : weekday - 1);
  return false;
}

/** Whether to ping a senior now: inside working hours, not in do-not-disturb — unless the asker said urgent. */
export function shouldInterruptNow(input: { now: Date; hours?: WorkingHours; dndActive?: boolean; urgent?: boolean }): boolean {
  if (input.urgent) return true;
  if (input.dndActive) return false;
  return isWithinWorkingHours(input.now, input.hours);
}
