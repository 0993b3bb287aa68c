import { backoffMs, overflow, warnOnDrop } from '../../src/metrics/flush-policy';

describe('metrics flush policy', () => {
  test.each([
    [0, 100],
    [1, 200],
    [2, 400],
    [5, 3_200],
    [6, 5_000], // capped: a short restart is noticed within 5 s
    [50, 5_000],
    [-1, 100],
  ])('retry %i waits %i ms', (attempt, ms) => {
    expect(backoffMs(attempt)).toBe(ms);
  });

  test('the schedule can be shortened (tests) and still doubles to its cap', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(a, { baseMs: 5, maxMs: 20 }))).toEqual([5, 10, 20, 20]);
  });

  test.each([
    [9_999, 10_000, 0],
    [10_000, 10_000, 0],
    [10_001, 10_000, 1],
    [10_500, 10_000, 500],
    [3, 0, 2], // a capacity below one still keeps the newest event
  ])('%i waiting with capacity %i drops the oldest %i', (waiting, capacity, dropped) => {
    expect(overflow(waiting, capacity)).toBe(dropped);
  });

  test.each([
    [0, 1, true], // the first drop of an outage is always reported
    [1, 1, false],
    [998, 1, false],
    [999, 1, true], // then once per thousand
    [1_500, 600, true],
    [5, 0, false],
  ])('after %i dropped, dropping %i more warns: %s', (before, now, warns) => {
    expect(warnOnDrop(before, now)).toBe(warns);
  });
});
