import fc from 'fast-check';
import { formatEuros, formatVatRate, vatOf } from '@app/core';
import { winAnsi } from '@app/core';
import { invoiceAmounts, isReverseCharge } from './vat';

describe('VAT', () => {
  it.each([
    [1_368_000, 2000, 273_600],
    [12_345, 550, 679], // 678.975 → 679
    [5, 1000, 1], // 0.5 → 1: half up
    [4, 1000, 0], // 0.4 → 0
    [14, 2000, 3], // 2.8 → 3
    [12, 2000, 2], // 2.4 → 2
    [25, 2000, 5],
    [1, 5000, 1], // 0.5 → 1
    [0, 2000, 0],
    [999_999_999, 10_000, 999_999_999],
    [9_007_199_254_740_991, 2000, 1_801_439_850_948_198], // no floating-point loss, even at the largest safe integer
  ])('%i cents at %i bp is %i cents of VAT', (amount, rate, vat) => {
    expect(vatOf(amount, rate)).toBe(vat);
  });

  it('rounds half up to the cent, exactly, for any amount and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 10_000 }), (amount, rate) => {
        const exact = BigInt(amount) * BigInt(rate); // VAT × 10 000
        const vat = BigInt(vatOf(amount, rate)) * 10_000n;
        const distance = vat - exact;
        return distance > -5_000n && distance <= 5_000n; // nearest cent, and a half goes up
      }),
    );
  });

  it('refuses amounts and rates that are not whole and in range', () => {
    expect(() => vatOf(10.5, 2000)).toThrow(RangeError);
    expect(() => vatOf(100, 10_001)).toThrow(RangeError);
  });

  it('reverse-charges an EU buyer outside France that has a VAT number, and no one else', () => {
    expect(isReverseCharge({ country: 'DE', vatNumber: 'DE123456789' })).toBe(true);
    expect(isReverseCharge({ country: 'GR', vatNumber: 'EL123456789' })).toBe(true);
    expect(isReverseCharge({ country: 'DE', vatNumber: null })).toBe(false);
    expect(isReverseCharge({ country: 'DE', vatNumber: '  ' })).toBe(false);
    expect(isReverseCharge({ country: 'FR', vatNumber: 'FR44732829320' })).toBe(false);
    expect(isReverseCharge({ country: 'CH', vatNumber: 'CHE123456789' })).toBe(false);
    expect(invoiceAmounts(1_368_000, 2000, { country: 'BE', vatNumber: 'BE0123456789' })).toEqual({
      amountExclVatCents: 1_368_000,
      vatRateBp: 0,
      vatCents: 0,
      totalCents: 1_368_000,
      reverseCharge: true,
    });
    expect(invoiceAmounts(1_368_000, 2000, { country: 'FR', vatNumber: null })).toEqual({
      amountExclVatCents: 1_368_000,
      vatRateBp: 2000,
      vatCents: 273_600,
      totalCents: 1_641_600,
      reverseCharge: false,
    });
  });
});

describe('formatting', () => {
  const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it('writes euros the French and the English way', () => {
    expect(spaces(formatEuros(1_641_600, 'fr'))).toBe('16 416,00 €');
    expect(formatEuros(1_641_600, 'en')).toBe('€16,416.00');
    expect(spaces(formatEuros(-5, 'fr'))).toBe('-0,05 €');
    expect(spaces(formatVatRate(2000))).toBe('20 %');
    expect(spaces(formatVatRate(550))).toBe('5,5 %');
    expect(formatVatRate(550, 'en')).toBe('5.5%');
  });

  it('keeps French text for the PDF fonts and strips what they cannot draw', () => {
    expect(winAnsi('Œuvre « élue » — 40 €')).toBe('Œuvre « élue » — 40 €');
    expect(winAnsi('Łódź Spółka')).toBe('Lódz Spólka');
    expect(winAnsi('13\u202f680,00\u00a0€')).toBe('13\u00a0680,00\u00a0€');
    expect(winAnsi('株式会社')).toBe('????');
  });
});
