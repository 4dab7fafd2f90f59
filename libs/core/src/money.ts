import type { Locale } from './locale';

/** Money is integer cents everywhere; these are the only places that compute VAT or show euros. */

/**
 * VAT in integer cents: `amountCents × rateBp / 10000`, rounded half away from zero (half up for the
 * positive amounts of invoices, symmetric for credit notes), with integer arithmetic only. The one VAT
 * rule of the platform: categories show it, billing invoices it.
 */
export function vatOf(amountCents: number, rateBp: number): number {
  if (!Number.isSafeInteger(amountCents)) throw new RangeError(`amountCents must be a whole number of cents (got ${amountCents})`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError(`rateBp must be 0 to 10000 basis points (got ${rateBp})`);
  const vat = Number((BigInt(Math.abs(amountCents)) * BigInt(rateBp) + 5_000n) / 10_000n);
  return amountCents < 0 && vat !== 0 ? -vat : vat;
}

/** The amount including VAT: `amountCents + vatOf(amountCents, rateBp)`. */
export function inclVat(amountCents: number, rateBp: number): number {
  return amountCents + vatOf(amountCents, rateBp);
}

/** 20 (percent) → 2000 (basis points). */
export function percentToBp(percent: number): number {
  return Math.round(percent * 100);
}

const EUROS: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** An amount in cents as the reader writes it: `13 680,00 €` in French, `€13,680.00` in English. */
export function formatEuros(cents: number, locale: Locale = 'fr'): string {
  // cents / 100 is exact to the cent for every amount an invoice can hold; only display uses it.
  return EUROS[locale === 'en' ? 'en' : 'fr'].format(cents / 100);
}

/** A VAT rate in basis points as a percentage: `20 %`, `5,5 %` (French) or `20%`, `5.5%` (English). */
export function formatVatRate(rateBp: number, locale: Locale = 'fr'): string {
  const whole = Math.trunc(rateBp / 100);
  const fraction = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const number = fraction ? `${whole}${locale === 'en' ? '.' : ','}${fraction}` : String(whole);
  return locale === 'en' ? `${number}%` : `${number}\u00a0%`;
}
