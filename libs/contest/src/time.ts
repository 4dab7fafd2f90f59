import { DateTime, IANAZone } from 'luxon';
import { InvalidError } from '@app/core';

export const DEFAULT_TIMEZONE = 'Europe/Paris';

/**
 * The instants the API accepts: an ISO-8601 date-time with an offset (`Z`, `+01:00`), or without one,
 * in which case it is a wall-clock time in the edition's time zone. A date alone is local midnight.
 */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export const ISO_INSTANT_MESSAGE =
  "$property must be an ISO-8601 date-time: 2027-03-10T23:59:59.999 (a wall-clock time in the edition's time zone) or with an offset such as 2027-03-10T22:59:59.999Z";

let zonesByLowerCase: Map<string, string> | undefined;

/**
 * The name of an IANA time zone as the tz database spells it (`europe/paris` → `Europe/Paris`; an alias such as
 * `Europe/Kiev` is kept as given), or null when there is no such zone.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (typeof zone !== 'string' || !/^[A-Za-z]/.test(zone) || !IANAZone.isValidZone(zone)) return null;
  zonesByLowerCase ??= new Map(Intl.supportedValuesOf('timeZone').map((name) => [name.toLowerCase(), name]));
  return zonesByLowerCase.get(zone.toLowerCase()) ?? zone;
}

const WALL_CLOCK = "yyyy-MM-dd'T'HH:mm:ss.SSS";

/**
 * Reads an instant sent as `field`. With an offset it is that instant; without one it is a wall-clock time
 * in `zone`. A wall-clock time that does not exist in `zone` (skipped when the clocks jump forward) is
 * refused; one that happens twice (when they go back) is the second one, in standard time.
 */
export function parseInstant(field: string, value: string, zone: string): Date {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!match) throw new InvalidError(ISO_INSTANT_MESSAGE.replace('$property', field));
  if (match[1] !== undefined) {
    const instant = DateTime.fromISO(value, { setZone: true });
    if (!instant.isValid) throw new InvalidError(`${field} is not a real date-time: ${value}`);
    return instant.toJSDate();
  }
  const wall = DateTime.fromISO(value, { zone: 'UTC' });
  if (!wall.isValid) throw new InvalidError(`${field} is not a real date-time: ${value}`);
  const local = DateTime.fromObject(wall.toObject(), { zone });
  if (local.toFormat(WALL_CLOCK) !== wall.toFormat(WALL_CLOCK)) {
    throw new InvalidError(
      `${field} ${value} does not exist in ${zone}: the clocks jump forward at that time (daylight-saving change); choose a time outside the gap`,
    );
  }
  return local.toJSDate();
}

/** The instant as an ISO string in `zone`, with its offset: `2027-03-10T23:59:59.999+01:00`. */
export function toLocalIso(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO()!;
}

/** `days` calendar days later (or earlier, when negative) at the same wall-clock time in `zone`, across DST changes. */
export function plusDaysInZone(instant: Date, zone: string, days: number): Date {
  return DateTime.fromJSDate(instant, { zone }).plus({ days }).toJSDate();
}
