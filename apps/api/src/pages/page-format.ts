import type { Locale } from '@app/accounts';

const LANG = { fr: 'fr-FR', en: 'en-GB' } as const;

/** A day in the edition's zone: `10 mars 2027` / `10 March 2027`. */
export function formatDay(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LANG[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(instant);
}

/** An instant in the edition's zone with its abbreviation: `10 mars 2027 à 14:00 UTC+1`. */
export function formatInstantFor(instant: Date, timeZone: string, locale: Locale): string {
  return (
    new Intl.DateTimeFormat(LANG[locale], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant) + ` (${zoneName(instant, timeZone, locale)})`
  );
}

function zoneName(instant: Date, timeZone: string, locale: Locale): string {
  return (
    new Intl.DateTimeFormat(LANG[locale], { timeZoneName: 'short', timeZone }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  );
}

/** A score out of 20 with two decimals: `14,30 / 20` in French, `14.30 / 20` in English. */
export function formatScore(score: number | null, locale: Locale): string {
  if (score === null) return '–';
  return `${score.toLocaleString(LANG[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 })} / 20`;
}

export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(LANG[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
