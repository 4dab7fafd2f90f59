import { describe, expect, it } from 'vitest';
import { formatInstant, remainingUntil } from './instant';
import { formatCents } from './money';
import { formatDecimal, formatScore } from './score';

// Intl writes a narrow no-break space before € and inside French thousands: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('money', () => {
  it('shows cents as euros in each locale', () => {
    expect(plain(formatCents(1_368_000, 'fr'))).toBe('13 680,00 €');
    expect(formatCents(1_641_600, 'en')).toBe('€16,416.00');
    expect(plain(formatCents(-1_641_600, 'fr'))).toBe('-16 416,00 €');
  });
});

describe('scores', () => {
  it('shows a score out of 20 with two decimals, French style', () => {
    expect(formatScore(14.3, 'fr')).toBe('14,30 / 20');
    expect(formatScore(14.305, 'en')).toBe('14.31 / 20');
    expect(formatDecimal(0.4, 'fr')).toBe('0,40');
  });
});

describe('instants', () => {
  const deadline = '2027-03-10T22:59:59.999Z';

  it('reads an instant in the edition zone with its abbreviation, daylight saving included', () => {
    expect(plain(formatInstant(deadline, 'Europe/Paris', 'fr', 'Europe/Paris').inZone)).toBe('10 mars 2027 à 23:59 UTC+1');
    expect(plain(formatInstant('2027-06-30T21:59:00Z', 'Europe/Paris', 'fr', 'Europe/Paris').inZone)).toBe('30 juin 2027 à 23:59 UTC+2');
  });

  it("adds the viewer's own zone only when it reads the instant differently", () => {
    expect(formatInstant(deadline, 'Europe/Paris', 'fr', 'Europe/Paris').inViewerZone).toBeNull();
    expect(formatInstant(deadline, 'Europe/Paris', 'fr', 'Europe/Brussels').inViewerZone).toBeNull();
    expect(plain(formatInstant(deadline, 'Europe/Paris', 'en', 'America/New_York').inViewerZone!)).toBe('March 10, 2027 at 5:59 PM EST');
  });

  it('counts down to a deadline in whole units, and stops once it has passed', () => {
    const now = Date.parse('2027-03-08T21:58:58.999Z');
    expect(remainingUntil(deadline, now)).toEqual({ days: 2, hours: 1, minutes: 1, seconds: 1 });
    expect(remainingUntil(deadline, Date.parse(deadline))).toBeNull();
  });
});
