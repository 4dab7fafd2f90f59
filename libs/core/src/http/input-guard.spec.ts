import { assertCleanInput } from './input-guard';
import { parseJsonBody } from './json-body';
import { isDecimal } from '../validation/decimal';

const refusal = (value: unknown) => {
  try {
    assertCleanInput(value, '');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('the input guard', () => {
  it('names the field of a control character, a lone surrogate or a non-finite number, however deep', () => {
    expect(refusal({ a: [{ b: 'x\u0000' }] })).toBe('a.0.b must not contain control characters (U+0000 found)');
    expect(refusal({ a: '\udc00' })).toBe('a must be well-formed Unicode text (a lone UTF-16 surrogate was found)');
    expect(refusal({ n: Infinity })).toMatch(/^n must be a finite number/);
    expect(refusal({ n: 2 ** 53 })).toMatch(/^n must be a finite number/);
    expect(refusal({ 'k\u0000': 1 })).toBe(': a field name must be plain text, without control characters');
  });

  it('lets tab, line breaks, emoji and real offsets through', () => {
    expect(refusal({ a: 'un\ttab\r\n😀', b: '2027-03-10T23:59:59+14:00', c: '2027-03-10T23:59:59-12:00', d: '2027-03-10T23:59+0530' })).toBeNull();
  });

  it.each(['+14:01', '+25:00', '+99:99', '-12:30', '+05:60', '+15'])('refuses the offset %s', (offset) => {
    expect(refusal({ at: `2027-03-10T23:59:59${offset}` })).toMatch(/^at has an impossible UTC offset/);
  });

  it('counts nesting on the text, brackets inside strings apart', () => {
    expect(parseJsonBody(Buffer.from(`{"a":"${'['.repeat(100)}"}`))).toEqual({ a: '['.repeat(100) });
    expect(() => parseJsonBody(Buffer.from('['.repeat(33) + ']'.repeat(33)))).toThrow(/nested too deeply/);
    expect(parseJsonBody(Buffer.from('['.repeat(32) + ']'.repeat(32)))).toBeDefined();
    expect(() => parseJsonBody(Buffer.from('{"a":'))).toThrow(/not valid JSON/);
  });
});

describe('isDecimal', () => {
  it.each([
    [12.34, 2, true],
    [20, 2, true],
    [0.0001, 4, true],
    [1e-7, 4, false],
    [5e-324, 4, false],
    [1.5e-7, 2, false],
    [12.345, 2, false],
    [Infinity, 2, false],
    ['1', 2, false],
  ])('%p with at most %p decimals: %p', (value, places, expected) => {
    expect(isDecimal(value, places)).toBe(expected);
  });
});
