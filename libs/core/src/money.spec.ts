import fc from 'fast-check';
import { inclVat, percentToBp, vatOf } from './money';

describe('vatOf (integer VAT, half away from zero)', () => {
  it.each([
    [1_368_000, 2000, 273_600],
    [2_160_000, 2000, 432_000],
    [1, 2000, 0], // 0.2 cent
    [3, 2000, 1], // 0.6 cent
    [5, 1000, 1], // exactly half a cent rounds up
    [15, 1000, 2], // 1.5 → 2
    [25, 1000, 3], // 2.5 → 3 (not banker's rounding)
    [99_999, 550, 5500], // 5.5 %: 5499.945 → 5500
    [12_345, 0, 0],
    [0, 2000, 0],
    [-25, 1000, -3], // a credit note mirrors its invoice
    [-1, 2000, 0],
  ])('vatOf(%i, %i) = %i', (amount, bp, vat) => {
    expect(vatOf(amount, bp)).toBe(vat);
  });

  it('adds up to the amount including VAT', () => {
    expect(inclVat(1_368_000, 2000)).toBe(1_641_600);
    expect(inclVat(999, 2000)).toBe(1199); // 199.8 → 200
  });

  it('agrees with exact rational rounding on any amount and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const exact = BigInt(amount) * BigInt(bp);
        const expected = Number((exact * 2n + 10_000n) / 20_000n); // floor(x / 10000 + 1/2)
        expect(vatOf(amount, bp)).toBe(expected);
        expect(vatOf(-amount, bp)).toBe(expected === 0 ? 0 : -expected);
      }),
    );
  });

  it('refuses fractions of a cent and impossible rates', () => {
    expect(() => vatOf(10.5, 2000)).toThrow(RangeError);
    expect(() => vatOf(100, 20.5)).toThrow(RangeError);
    expect(() => vatOf(100, -1)).toThrow(RangeError);
    expect(() => vatOf(100, 10_001)).toThrow(RangeError);
  });

  it('turns a percentage into basis points', () => {
    expect(percentToBp(20)).toBe(2000);
    expect(percentToBp(5.5)).toBe(550);
    expect(percentToBp(19.6)).toBe(1960);
    expect(percentToBp(0)).toBe(0);
  });
});
