/** Money arrives in integer cents; shown in euros with the locale's separators (`13 680,00 €`, `€13,680.00`). */
export function formatCents(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
