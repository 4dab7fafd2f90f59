import { registerDecorator, type ValidationOptions } from 'class-validator';

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

export function IsSiren(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSiren',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a SIREN: 9 digits with a valid Luhn checksum', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidSiren(value) },
    });
}
