import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A finite number with at most `places` decimals; exact for `1e-7` or `5e-324`, where counting digits of the text fails. */
export function isDecimal(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/** Replaces class-validator's `IsNumber({ maxDecimalPlaces })`, which throws on numbers written in exponent notation. */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a number with at most ${places} decimals`, ...options },
      constraints: [places],
      validator: { validate: (value: unknown) => isDecimal(value, places) },
    });
}
