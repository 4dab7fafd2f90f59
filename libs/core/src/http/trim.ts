import { Transform } from 'class-transformer';

/**
 * Trims a string property (and lowercases it, for e-mail addresses) before it is validated; other values
 * are left for the validators to refuse.
 */
export const Trim = (options: { lowercase?: boolean } = {}): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value !== 'string' ? value : options.lowercase ? value.trim().toLowerCase() : value.trim()));
