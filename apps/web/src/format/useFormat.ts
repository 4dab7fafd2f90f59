import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { formatDay, formatInstant } from './instant';
import { formatCents } from './money';
import { formatDecimal, formatScore } from './score';

/** The formatting helpers bound to the reader's locale. */
export function useFormat() {
  const { locale } = useIntl();
  return useMemo(
    () => ({
      money: (cents: number) => formatCents(cents, locale),
      score: (score: number) => formatScore(score, locale),
      decimal: (value: number) => formatDecimal(value, locale),
      instant: (iso: string, timeZone: string) => formatInstant(iso, timeZone, locale),
      day: (iso: string, timeZone: string) => formatDay(iso, timeZone, locale),
    }),
    [locale],
  );
}
