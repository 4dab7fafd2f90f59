import { isSubDay, SUB_DAY_PERIOD_MS } from './windows';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

/** Real season: an assigned task not submitted by its window's end plus this grace expires. */
export const REAL_SEASON_GRACE_MS = DAY;
/** Real season: a reminder goes to the shopper when their task's window ends within this delay. */
export const REAL_SEASON_DUE_SOON_MS = DAY;
/** Real season: a replacement whose original's window has ended starts this long after now… */
export const REAL_SEASON_REPLACEMENT_DELAY_MS = HOUR;
/** …and lasts at most this long (never past the test period). */
export const REAL_SEASON_REPLACEMENT_MAX_MS = 7 * DAY;
/** Demonstration season: the grace is the test period divided by this. */
export const DEMONSTRATION_GRACE_DIVISOR = 20;
/** Demonstration season: a replacement starts now and lasts the test period divided by this (never past its end)… */
export const DEMONSTRATION_REPLACEMENT_DIVISOR = 10;
/** …and is not made when less than this would be left. */
export const DEMONSTRATION_REPLACEMENT_MIN_MS = 5 * SECOND;

export interface TaskTimings {
  /** The test period is shorter than a day (see `isSubDay`). */
  demonstration: boolean;
  /** An ASSIGNED task not submitted by its window's end plus this grace becomes EXPIRED. */
  graceMs: number;
  /** A due-soon reminder is sent when the window ends within this delay; null: no reminder at all. */
  dueSoonMs: number | null;
  /** The window of a replacement made at `now` for a task whose window has ended; null when no (or too little) time is left. */
  replacementWindow(now: Date): { start: Date; end: Date } | null;
}

/**
 * The timings of an edition's tasks, from its test period. A real season (a day or more): grace 24 h, a
 * replacement from now + 1 h for at most 7 days, a due-soon reminder 24 h before the window ends. A demonstration
 * season (under a day, run on the real clock in minutes): grace = period / 20, a replacement from now for
 * period / 10 (none when under 5 s would be left), no due-soon reminder. Replacements never pass the period's end.
 * `taskTimingsSql` is the same rule for queries.
 */
export function taskTimings(testPeriodStart: Date, testPeriodEnd: Date): TaskTimings {
  const periodEnd = testPeriodEnd.getTime();
  const window = (start: number, length: number, minimum: number) => {
    const end = Math.min(start + length, periodEnd);
    return end - start >= minimum && end > start ? { start: new Date(start), end: new Date(end) } : null;
  };
  if (!isSubDay(testPeriodStart, testPeriodEnd)) {
    return {
      demonstration: false,
      graceMs: REAL_SEASON_GRACE_MS,
      dueSoonMs: REAL_SEASON_DUE_SOON_MS,
      replacementWindow: (now) => window(now.getTime() + REAL_SEASON_REPLACEMENT_DELAY_MS, REAL_SEASON_REPLACEMENT_MAX_MS, 0),
    };
  }
  const period = periodEnd - testPeriodStart.getTime();
  return {
    demonstration: true,
    graceMs: period / DEMONSTRATION_GRACE_DIVISOR,
    dueSoonMs: null,
    replacementWindow: (now) => window(now.getTime(), Math.floor(period / DEMONSTRATION_REPLACEMENT_DIVISOR), DEMONSTRATION_REPLACEMENT_MIN_MS),
  };
}

/**
 * `taskTimings` for SQL, given the alias of a joined `edition` row: `demonstration` (boolean expression) and
 * `grace` (interval expression). The constants are numbers of this module, inlined (no user input).
 */
export function taskTimingsSql(edition: string): { demonstration: string; grace: string } {
  const period = `(${edition}.test_period_end - ${edition}.test_period_start)`;
  const demonstration = `(${period} < interval '${SUB_DAY_PERIOD_MS} milliseconds')`;
  return {
    demonstration,
    grace: `(CASE WHEN ${demonstration} THEN ${period} / ${DEMONSTRATION_GRACE_DIVISOR} ELSE interval '${REAL_SEASON_GRACE_MS} milliseconds' END)`,
  };
}
