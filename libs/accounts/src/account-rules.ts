/**
 * The account rules as plain functions and patterns, without decorators or Node imports, so the web
 * portal checks as the user types with the very rules the API applies.
 */

/** At least 10 characters with a letter and a digit: long enough to resist guessing, short enough to type. */
export const PASSWORD_RULE = /^(?=.*\p{L})(?=.*\d).{10,128}$/u;
export const PASSWORD_MESSAGE = 'password must be 10 to 128 characters long and contain at least one letter and one digit';

/**
 * A SIREN is 9 digits whose Luhn checksum is valid. La Poste's SIRENs (356 000 000 and its
 * establishments) are the documented exception: their digits sum to a multiple of 5 instead.
 */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  if (value.startsWith('356000000')) return [...value].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(value[8 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
