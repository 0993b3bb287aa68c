import { parseWeek, weekContaining, workingDaysBetween, zonedInstant } from '../../src/metrics/week';
import { DeskmateError } from '../../src/errors';

test('an ISO week runs Monday 00:00 to Monday 00:00 local time', () => {
  const w = parseWeek('2026-W10', 'Europe/Berlin');
  expect(new Date(w.start).toISOString()).toBe('2026-03-01T23:00:00.000Z');
  expect(new Date(w.end).toISOString()).toBe('2026-03-08T23:00:00.000Z');
  expect(w.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
});

test('the DST week is 167 hours long and its Sunday 23 hours', () => {
  const w = parseWeek('2026-W13', 'Europe/Berlin');
  expect((w.end - w.start) / 3_600_000).toBe(167);
  expect((w.days[6].end - w.days[6].start) / 3_600_000).toBe(23);
});

test('week labels round-trip, including week 53 and the year boundary', () => {
  expect(weekContaining(Date.parse('2027-01-01T12:00:00Z'), 'UTC').label).toBe('2026-W53');
  expect(weekContaining(Date.parse('2024-12-30T12:00:00Z'), 'UTC').label).toBe('2025-W01');
  expect(parseWeek('2026-W53', 'UTC').days[0].date).toBe('2026-12-28');
  // Sunday 23:30 in Auckland is still Sunday there though already Sunday morning UTC... same week.
  expect(weekContaining(zonedInstant({ year: 2026, month: 3, day: 8 }, 'Pacific/Auckland', 23, 30), 'Pacific/Auckland').label).toBe('2026-W10');
});

test('malformed week labels are usage errors', () => {
  for (const bad of ['2026-10', '2026-W00', '2026-W54', '2025-W53', 'next week']) expect(() => parseWeek(bad, 'UTC')).toThrow(DeskmateError);
});

test('working days between two instants count Monday to Friday inclusive', () => {
  expect(workingDaysBetween(Date.parse('2026-02-16T09:00:00Z'), Date.parse('2026-02-27T17:00:00Z'), 'UTC', [1, 2, 3, 4, 5])).toBe(10);
  expect(workingDaysBetween(Date.parse('2026-02-21T09:00:00Z'), Date.parse('2026-02-22T17:00:00Z'), 'UTC', [1, 2, 3, 4, 5])).toBe(0);
});
