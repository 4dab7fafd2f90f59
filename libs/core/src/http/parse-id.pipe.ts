import type { PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';
import { isUuid } from '../uuid';

/**
 * How every path id is read: a value that is not even a UUID names nothing, so it answers 404 like an id that
 * does not exist, with the same sentence (`entry abc does not exist`).
 */
export const parseId = (resource: string): PipeTransform<string, string> => ({
  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundError(`${resource} ${value} does not exist`);
    return value;
  },
});
