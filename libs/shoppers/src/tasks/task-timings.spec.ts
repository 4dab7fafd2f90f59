import { isSubDay } from './windows';
import { taskTimings, taskTimingsSql } from './task-timings';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('task timings', () => {
  const start = new Date('2031-05-05T08:00:00Z');

  describe('real season (test period of a day or more)', () => {
    const end = at(start, 60 * DAY);
    const timings = taskTimings(start, end);

    it('grace 24 h and a due-soon reminder 24 h before the window ends', () => {
      expect(timings).toMatchObject({ demonstration: false, graceMs: DAY, dueSoonMs: DAY });
    });

    it('a replacement starts 1 h after now and lasts at most 7 days, never past the test period', () => {
      const now = at(start, 10 * DAY);
      expect(timings.replacementWindow(now)).toEqual({ start: at(now, HOUR), end: at(now, HOUR + 7 * DAY) });
      expect(timings.replacementWindow(at(end, -3 * HOUR))).toEqual({ start: at(end, -2 * HOUR), end });
      expect(timings.replacementWindow(at(end, -HOUR))).toBeNull();
      expect(timings.replacementWindow(at(end, -HOUR + 1))).toBeNull();
      expect(timings.replacementWindow(at(end, -HOUR - 1))).toEqual({ start: at(end, -1), end });
    });

    it('a test period of exactly one day is a real season', () => {
      expect(taskTimings(start, at(start, DAY))).toMatchObject({ demonstration: false, graceMs: DAY, dueSoonMs: DAY });
      expect(isSubDay(start, at(start, DAY))).toBe(false);
    });
  });

  describe('demonstration season (test period under a day)', () => {
    const end = at(start, 150 * SECOND);
    const timings = taskTimings(start, end);

    it('grace = period / 20, and no due-soon reminder', () => {
      expect(timings).toMatchObject({ demonstration: true, graceMs: 7.5 * SECOND, dueSoonMs: null });
      expect(taskTimings(start, at(start, DAY - 1))).toMatchObject({ demonstration: true, graceMs: (DAY - 1) / 20, dueSoonMs: null });
      expect(isSubDay(start, at(start, DAY - 1))).toBe(true);
    });

    it('a replacement starts now and lasts period / 10, clipped at the period end', () => {
      const now = at(start, 40 * SECOND);
      expect(timings.replacementWindow(now)).toEqual({ start: now, end: at(now, 15 * SECOND) });
      expect(timings.replacementWindow(at(end, -8 * SECOND))).toEqual({ start: at(end, -8 * SECOND), end });
    });

    it('no replacement when less than 5 seconds would be left', () => {
      expect(timings.replacementWindow(at(end, -5 * SECOND))).toEqual({ start: at(end, -5 * SECOND), end });
      expect(timings.replacementWindow(at(end, -5 * SECOND + 1))).toBeNull();
      expect(timings.replacementWindow(end)).toBeNull();
      expect(timings.replacementWindow(at(end, SECOND))).toBeNull();
    });
  });

  it('the SQL form uses the same threshold and divisor', () => {
    const sql = taskTimingsSql('e');
    expect(sql.demonstration).toBe(`((e.test_period_end - e.test_period_start) < interval '${DAY} milliseconds')`);
    expect(sql.grace).toContain(`(e.test_period_end - e.test_period_start) / 20`);
    expect(sql.grace).toContain(`ELSE interval '${DAY} milliseconds'`);
  });
});
