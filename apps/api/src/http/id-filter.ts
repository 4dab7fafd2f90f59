import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/**
 * An optional `<resource>Id` filter of a list query: a UUID, or a 400 that says which resource it must name
 * (e.g. `@IdFilter('an edition') editionId?: string` → "editionId must be the id of an edition").
 */
export function IdFilter(resource: string, description?: string): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    applyDecorators(
      ApiPropertyOptional({ format: 'uuid', description }),
      IsOptional(),
      IsUUID('all', { message: `${String(property)} must be the id of ${resource}` }),
    )(target, property);
}
