import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/** JSON text written as is where a value stands: numbers JSON.stringify cannot write, and nesting deeper than it can. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A path or query value sent with its percent-encoding as is (a NUL byte, invalid UTF-8). */
export class RawUrl {
  constructor(readonly text: string) {}
}

export const deepArrays = new RawJson('['.repeat(1500) + ']'.repeat(1500));
export const deepObjects = new RawJson('{"a":'.repeat(3000) + '1' + '}'.repeat(3000));

/** Values no route should choke on, wherever they are put. */
const hostileConstants: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0,
  0.1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  1e-7,
  5e-324,
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890'),
  '',
  ' ',
  '\u0000',
  'Texte\u0000nul',
  'bip\u0007',
  'escape\u001b[31m',
  '\ud800',
  'fin\udfff',
  '\u202eRTL',
  '\ufeff',
  '💥',
  'x'.repeat(10_000),
  '2027-03-10T23:59:59+99:99',
  '2027-03-10T23:59:59+25:00',
  '2027-02-30T10:00:00Z',
  '1e20',
  'NaN',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  randomUUID(),
  [],
  {},
  [[]],
  [null],
  [{}],
  [[{}]],
  { $gt: '' },
  deepArrays,
  deepObjects,
];

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileConstants) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** What a value becomes when its kind is broken: absent kinds, the other container, a list of lists. */
export const reshapes = fc.constantFrom('null', 'empty-list', 'empty-object', 'in-a-list', 'text', 'number');

/** Text that every route must refuse, wherever it stands: control characters, lone surrogates, impossible UTC offsets. */
export function alwaysRefusedText(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.test(text) || /[\ud800-\udfff]/u.test(text)) return true;
  const offset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2})(?::?(\d{2}))?$/.exec(text);
  if (!offset) return false;
  const [, sign, hours, minutes = '0'] = offset;
  // The offsets the world uses run from UTC-12:00 to UTC+14:00.
  return Number(minutes) > 59 || Number(hours) * 60 + Number(minutes) > (sign === '+' ? 14 : 12) * 60;
}

/** UTC offsets no place uses, put on a date-time: hours beyond the day, minutes beyond the hour, beyond ±12/14 h. */
export const impossibleOffsets = ['+25:00', '+99:99', '+05:60', '-13:00', '+14:30'];

/** Numbers put where the document declares a number: beyond what is stored or exact, below what is representable. */
export const probeNumbers: unknown[] = [new RawJson('1e400'), 1e20, -1e20, 2 ** 53 + 2, 1e-7, 5e-324];

/** Query values put where the document declares a number: out of every range, not whole, not a number. */
export const probeQueryNumbers = ['1e20', '-1e20', '99999999999999999999', '2147483648', '1.5', '-1', 'NaN', 'Infinity'];

/** Bodies of another JSON type than the object a route declares. */
export const notObjectBodies = ['[]', '[{}]', 'null', '42', '"texte"', 'true'];

/** A value that no route may accept: it holds always-refused text, nesting too deep, or a number JSON cannot be exact about. */
export function alwaysRefused(value: unknown): boolean {
  if (value instanceof RawJson) return true;
  if (typeof value === 'string') return alwaysRefusedText(value);
  if (Array.isArray(value)) return value.some(alwaysRefused);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => alwaysRefusedText(key) || alwaysRefused(item));
  return false;
}

/** Characters slipped into an otherwise valid text: control characters, lone surrogates, a line break. */
export const hostileCharacter = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\ud800',
  '\udfff',
  '\n',
  '\r\n',
  '\t',
  '\u202e',
  '\ufeff',
  '\u2028',
);

/** Keys an attacker adds to an object. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'id', 'companyId', '\u0000', '\ud800', ''),
  fc.string({ maxLength: 8 }),
);

/** Bodies that are not the object a route expects, as raw text. */
export const hostileBodyText = fc.constantFrom(
  '[]',
  '[{}]',
  'null',
  '"texte"',
  '42',
  'true',
  '{',
  '{"a":',
  '[[[',
  '{"__proto__":{"polluted":true}}',
  '{"a":1,"a":2}',
  ' ',
);

/** Query and path values, some already percent-encoded. */
export const hostileUrlValue: fc.Arbitrary<string | RawUrl> = fc.oneof(
  fc.constantFrom(
    'abc',
    '',
    '-1',
    '0',
    '1.5',
    '1e20',
    '99999999999999999999',
    '-99999999999999999999',
    'NaN',
    'Infinity',
    '0x10',
    'true',
    randomUUID(),
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(3000),
    "' OR 1=1 --",
    '2027-03-10T23:59:59+99:99',
    '💥',
  ),
  fc.constantFrom(
    new RawUrl('%00'),
    new RawUrl('%ED%A0%80'),
    new RawUrl('%FF'),
    new RawUrl('%'),
    new RawUrl('..%2F..'),
    new RawUrl('%E2%80%AE'),
    new RawUrl('a%00b'),
  ),
  fc.string({ maxLength: 10 }),
);

export type Caller = 'anonymous' | 'company' | 'shopper' | 'jury' | 'forged';
export const callers: Caller[] = ['anonymous', 'company', 'shopper', 'jury', 'forged'];

/** Writes a body holding RawJson values as JSON text. */
export function writeJson(body: unknown): string {
  const raws: RawJson[] = [];
  const text = JSON.stringify(body, (_key, value) => {
    if (value instanceof RawJson) {
      raws.push(value);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return value;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_, index) => raws[Number(index)].text);
}

export const urlValue = (value: string | RawUrl) => (value instanceof RawUrl ? value.text : encodeURIComponent(value));
