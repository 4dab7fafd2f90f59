import { DateTime } from 'luxon';

/** An instant as people read it in messages, in the edition's time zone: `10/03/2027 23:59:59 (Europe/Paris)`. */
export function formatInstant(instant: Date, zone: string): string {
  return `${DateTime.fromJSDate(instant, { zone }).toFormat('dd/MM/yyyy HH:mm:ss')} (${zone})`;
}
