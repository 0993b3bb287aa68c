import { isWithinWorkingHours, localClock, shouldInterruptNow } from '../../src/escalation/hours';

const berlin = { timezone: 'Europe/Berlin', start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

describe('working hours', () => {
  test.each([
    ['2026-11-25T08:30:00Z', true], // Wed 09:30 in Berlin (UTC+1)
    ['2026-11-25T07:59:00Z', false], // Wed 08:59
    ['2026-11-25T16:00:00Z', false], // Wed 17:00: the end is exclusive
    ['2026-11-28T10:00:00Z', false], // Saturday
  ])('%s in Berlin office hours: %s', (iso, expected) => {
    expect(isWithinWorkingHours(new Date(iso), berlin)).toBe(expected);
  });

  test('unset hours mean always', () => {
    expect(isWithinWorkingHours(new Date('2026-11-29T03:00:00Z'), undefined)).toBe(true);
  });

  test('an overnight shift counts after midnight as the previous day', () => {
    const night = { timezone: 'UTC', start: '22:00', end: '06:00', days: [5] }; // Friday night
    expect(isWithinWorkingHours(new Date('2026-11-27T23:00:00Z'), night)).toBe(true); // Fri 23:00
    expect(isWithinWorkingHours(new Date('2026-11-28T05:00:00Z'), night)).toBe(true); // Sat 05:00, Friday's shift
    expect(isWithinWorkingHours(new Date('2026-11-29T05:00:00Z'), night)).toBe(false); // Sun 05:00
  });

  test('localClock follows daylight saving', () => {
    expect(localClock(new Date('2026-07-01T08:00:00Z'), 'Europe/Berlin').minute).toBe(10 * 60);
    expect(localClock(new Date('2026-01-01T08:00:00Z'), 'Europe/Berlin').minute).toBe(9 * 60);
  });

  test('urgent overrides hours and do-not-disturb; DND blocks otherwise', () => {
    const saturday = new Date('2026-11-28T10:00:00Z');
    expect(shouldInterruptNow({ now: saturday, hours: berlin })).toBe(false);
    expect(shouldInterruptNow({ now: saturday, hours: berlin, urgent: true })).toBe(true);
    expect(shouldInterruptNow({ now: new Date('2026-11-25T10:00:00Z'), hours: berlin, dndActive: true })).toBe(false);
  });
});
