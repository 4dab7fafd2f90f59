import { DateTime } from 'luxon';

/** The kinds of time slot a company is tested in, so that no company is tested only at easy hours. */
export const SLOT_KINDS = ['MORNING', 'LUNCH', 'AFTERNOON', 'EVENING', 'SATURDAY'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** Local hours [from, to) of each kind: weekdays (Monday–Friday) for the first four, Saturday for the last. */
const HOURS: Record<SlotKind, [number, number]> = {
  MORNING: [9, 12],
  LUNCH: [12, 14],
  AFTERNOON: [14, 18],
  EVENING: [18, 21],
  SATURDAY: [9, 18],
};

export interface TaskWindow {
  start: Date;
  end: Date;
  /** Monday (ISO date) of the start's week in the edition's zone. */
  weekStart: string;
  kind: SlotKind | 'EVEN';
}

/** Monday, as an ISO date, of the week of `instant` in `zone` (luxon weeks start on Monday). */
export function weekStartOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).startOf('week').toISODate()!;
}

/**
 * Every slot window of the test period, by kind, in chronological order, in the edition's zone (so DST
 * moves UTC, not local hours). A window cut by the period's start or end is clipped; one left shorter than
 * 30 minutes is dropped.
 */
export function slotCalendar(periodStart: Date, periodEnd: Date, zone: string): Map<SlotKind, TaskWindow[]> {
  const byKind = new Map<SlotKind, TaskWindow[]>(SLOT_KINDS.map((k) => [k, []]));
  let day = DateTime.fromJSDate(periodStart, { zone }).startOf('day');
  const last = DateTime.fromJSDate(periodEnd, { zone });
  const startMs = periodStart.getTime();
  const endMs = periodEnd.getTime();
  while (day <= last) {
    const weekday = day.weekday; // 1 = Monday … 7 = Sunday
    const kinds: SlotKind[] = weekday <= 5 ? ['MORNING', 'LUNCH', 'AFTERNOON', 'EVENING'] : weekday === 6 ? ['SATURDAY'] : [];
    const weekStart = day.startOf('week').toISODate()!;
    for (const kind of kinds) {
      const [from, to] = HOURS[kind];
      const s = Math.max(day.set({ hour: from }).toMillis(), startMs);
      const e = Math.min(day.set({ hour: to }).toMillis(), endMs);
      if (e - s < 30 * 60_000) continue;
      const start = new Date(s);
      byKind.get(kind)!.push({ start, end: new Date(e), weekStart: s === day.set({ hour: from }).toMillis() ? weekStart : weekStartOf(start, zone), kind });
    }
    day = day.plus({ days: 1 });
  }
  return byKind;
}

/** A period under a day (a demonstration season) is cut into `count` even windows. */
export function evenWindows(periodStart: Date, periodEnd: Date, zone: string, count: number): TaskWindow[] {
  const span = periodEnd.getTime() - periodStart.getTime();
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(periodStart.getTime() + Math.floor((span * i) / count));
    const end = new Date(periodStart.getTime() + Math.floor((span * (i + 1)) / count));
    return { start, end, weekStart: weekStartOf(start, zone), kind: 'EVEN' as const };
  });
}

/**
 * The windows of one channel's `quota` tasks of one entry. Slot `s` takes kind `(s + offset) mod K` over
 * the K kinds the period has, so consecutive slots rotate through morning, lunch, afternoon, evening and
 * Saturday; the tasks of one kind are spread evenly over that kind's days (the middle of each equal share).
 * `offset` varies by entry and channel so that companies do not all get the same days.
 */
export function planChannelWindows(calendar: Map<SlotKind, TaskWindow[]>, quota: number, offset: number): TaskWindow[] | null {
  const kinds = SLOT_KINDS.filter((k) => calendar.get(k)!.length > 0);
  if (kinds.length === 0) return null;
  const perKind = new Map<SlotKind, number>();
  const kindOf = (s: number) => kinds[(s + offset) % kinds.length];
  for (let s = 0; s < quota; s++) perKind.set(kindOf(s), (perKind.get(kindOf(s)) ?? 0) + 1);
  const seen = new Map<SlotKind, number>();
  const out: TaskWindow[] = [];
  for (let s = 0; s < quota; s++) {
    const kind = kindOf(s);
    const j = seen.get(kind) ?? 0;
    seen.set(kind, j + 1);
    const list = calendar.get(kind)!;
    const n = perKind.get(kind)!;
    // Middle of the j-th of n equal shares, shifted by the offset so entries spread over the days.
    const index = (Math.floor(((j + 0.5) * list.length) / n) + offset * 7) % list.length;
    out.push(list[index]);
  }
  return out;
}

/**
 * A test period shorter than this (one day) is a demonstration season: it is cut into even windows instead of
 * slots, and its task timings scale with it (`taskTimings`).
 */
export const SUB_DAY_PERIOD_MS = 24 * 3600_000;

/** True when the period is shorter than one day (a demonstration season): cut into even windows instead of slots. */
export const isSubDay = (periodStart: Date, periodEnd: Date) => periodEnd.getTime() - periodStart.getTime() < SUB_DAY_PERIOD_MS;
