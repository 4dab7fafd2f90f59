import { vatOf } from '@app/core';

/** The EU member states (ISO 3166-1 alpha-2; Greece is GR here, EL in VAT numbers). */
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/** Palmares is established in France: French VAT applies unless the buyer accounts for it. */
export const SELLER_COUNTRY = 'FR';

export interface VatBuyer {
  country: string;
  vatNumber: string | null;
}

export interface VatAmounts {
  amountExclVatCents: number;
  vatRateBp: number;
  vatCents: number;
  totalCents: number;
  reverseCharge: boolean;
}

/**
 * Reverse charge (autoliquidation, article 196 of directive 2006/112/EC): a business buyer established in
 * another EU member state, identified by a VAT number, accounts for the VAT itself.
 */
export function isReverseCharge(buyer: VatBuyer): boolean {
  const country = buyer.country.trim().toUpperCase();
  return country !== SELLER_COUNTRY && EU_COUNTRIES.has(country) && !!buyer.vatNumber?.trim();
}

/** The amounts of an invoice to this buyer: VAT at `vatRateBp`, or none under reverse charge. */
export function invoiceAmounts(amountExclVatCents: number, vatRateBp: number, buyer: VatBuyer): VatAmounts {
  const reverseCharge = isReverseCharge(buyer);
  const rate = reverseCharge ? 0 : vatRateBp;
  const vatCents = vatOf(amountExclVatCents, rate);
  return { amountExclVatCents, vatRateBp: rate, vatCents, totalCents: amountExclVatCents + vatCents, reverseCharge };
}
