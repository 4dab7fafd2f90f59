import { InvalidError } from '../errors/domain-error';

/** Text may hold tab, line feed and carriage return; any other C0 control character (NUL first) and DEL are refused. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
/** With the `u` flag a well-formed pair is one code point: what still matches is a lone surrogate. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;
/** An ISO-8601 date-time ending in a UTC offset: `+02:00`, `-0530`, `+01`. */
const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2})(?::?(\d{2}))?$/;
/** Real offsets run from UTC-12:00 to UTC+14:00. */
const MAX_OFFSET_MINUTES = { '+': 14 * 60, '-': 12 * 60 } as const;

/**
 * The checks every request's body, query and path parameters pass before any route sees them, whatever
 * the route: text is well-formed Unicode without control characters, numbers are finite and exact, and a
 * date-time's UTC offset is one the world uses. Throws a 400 that names the field.
 */
export function assertCleanInput(value: unknown, path: string): void {
  if (typeof value === 'string') return assertCleanText(value, path);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
      throw new InvalidError(`${path} must be a finite number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`);
    return;
  }
  if (Array.isArray(value)) return value.forEach((item, index) => assertCleanInput(item, path === '' ? String(index) : `${path}.${index}`));
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key) || LONE_SURROGATE.test(key)) throw new InvalidError(`${path}: a field name must be plain text, without control characters`);
      assertCleanInput(item, path === '' ? key : `${path}.${key}`);
    }
  }
}

function assertCleanText(text: string, path: string): void {
  const field = path === '' ? 'the request body' : path;
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new InvalidError(`${field} must not contain control characters (U+${code} found)`);
  }
  if (LONE_SURROGATE.test(text)) throw new InvalidError(`${field} must be well-formed Unicode text (a lone UTF-16 surrogate was found)`);
  const offset = OFFSET.exec(text);
  if (offset) {
    const [, sign, hours, minutes = '00'] = offset;
    const total = Number(hours) * 60 + Number(minutes);
    if (Number(minutes) > 59 || total > MAX_OFFSET_MINUTES[sign as '+' | '-'])
      throw new InvalidError(`${field} has an impossible UTC offset ${sign}${hours}:${minutes}: offsets run from -12:00 to +14:00`);
  }
}
