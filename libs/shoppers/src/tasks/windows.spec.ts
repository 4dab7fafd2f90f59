import fc from 'fast-check';
import { DateTime } from 'luxon';
import { evenWindows, planChannelWindows, slotCalendar, weekStartOf } from './windows';

describe('task windows', () => {
  const zone = 'Europe/Paris';

  it('keeps local hours across a DST change and never uses Sunday', () => {
    // 23 March – 6 April 2031 in Paris: summer time starts on Sunday 30 March.
    const start = DateTime.fromISO('2031-03-24T00:00', { zone }).toJSDate();
    const end = DateTime.fromISO('2031-04-06T00:00', { zone }).toJSDate();
    const calendar = slotCalendar(start, end, zone);
    for (const [kind, list] of calendar) {
      expect(list.length).toBeGreaterThan(0);
      for (const w of list) {
        const local = DateTime.fromJSDate(w.start, { zone });
        expect(local.weekday).not.toBe(7);
        expect(local.hour).toBe({ MORNING: 9, LUNCH: 12, AFTERNOON: 14, EVENING: 18, SATURDAY: 9 }[kind]);
        expect(w.weekStart).toBe(local.startOf('week').toISODate());
      }
    }
  });

  it('property: every window inside the period, slot kinds balanced within one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 }),
        fc.integer({ min: 26, max: 24 * 90 }),
        fc.integer({ min: 1, max: 150 }),
        fc.nat(1000),
        (startMin, hours, quota, offset) => {
          const start = new Date(Date.UTC(2031, 0, 1) + startMin * 60_000);
          const end = new Date(start.getTime() + hours * 3600_000);
          const windows = planChannelWindows(slotCalendar(start, end, zone), quota, offset) ?? evenWindows(start, end, zone, quota);
          expect(windows).toHaveLength(quota);
          const kinds = new Map<string, number>();
          for (const w of windows) {
            expect(w.start.getTime()).toBeGreaterThanOrEqual(start.getTime());
            expect(w.end.getTime()).toBeLessThanOrEqual(end.getTime());
            expect(w.start.getTime()).toBeLessThan(w.end.getTime());
            kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + 1);
          }
          const counts = [...kinds.values()];
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('cuts a period into even windows', () => {
    const start = new Date('2031-01-08T08:00:00Z');
    const w = evenWindows(start, new Date('2031-01-08T11:00:00Z'), zone, 3);
    expect(w.map((x) => x.start.toISOString())).toEqual(['2031-01-08T08:00:00.000Z', '2031-01-08T09:00:00.000Z', '2031-01-08T10:00:00.000Z']);
    expect(weekStartOf(start, zone)).toBe('2031-01-06');
  });
});
