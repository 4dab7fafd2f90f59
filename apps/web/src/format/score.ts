const twoDecimals = (value: number, locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** A score out of 20 with two decimals, as the rulebook shows it: `14,30 / 20` in French. */
export function formatScore(score: number, locale: string): string {
  return `${twoDecimals(score, locale)} / 20`;
}

/** A figure shown with two decimals (margins of error, criterion points). */
export function formatDecimal(value: number, locale: string): string {
  return twoDecimals(value, locale);
}
