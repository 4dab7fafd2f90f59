import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidSiren } from '@app/accounts';

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
