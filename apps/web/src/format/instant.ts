export interface ZonedInstant {
  /** In the edition's zone, with its abbreviation (`10 mars 2027 à 23:59 UTC+1`). */
  inZone: string;
  /** In the viewer's own zone, when it differs from the edition's; null otherwise. */
  inViewerZone: string | null;
}

const format = (instant: Date, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(instant);

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An instant (stored in UTC) as the edition's zone reads it, and as the viewer's zone does when it is another. */
export function formatInstant(iso: string, timeZone: string, locale: string, viewerZone = viewerTimeZone()): ZonedInstant {
  const instant = new Date(iso);
  const inZone = format(instant, locale, timeZone);
  const sameOffset = format(instant, locale, viewerZone) === inZone;
  return { inZone, inViewerZone: viewerZone === timeZone || sameOffset ? null : format(instant, locale, viewerZone) };
}

/** A day alone (an invoice's issue date) in the edition's zone. */
export function formatDay(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(iso));
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** What is left until an instant, in whole units; null once it has passed. */
export function remainingUntil(iso: string, now: number): Remaining | null {
  const left = Math.floor((new Date(iso).getTime() - now) / 1000);
  if (left <= 0) return null;
  return { days: Math.floor(left / 86_400), hours: Math.floor((left % 86_400) / 3600), minutes: Math.floor((left % 3600) / 60), seconds: left % 60 };
}
