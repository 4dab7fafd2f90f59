import type { ApiPropertyOptions, SchemaObject } from '@nestjs/swagger';
import { CHANNELS } from '@app/contest';

/**
 * The OpenAPI schema of a record keyed by channel (`{ PHONE?: …, EMAIL?: … }`): only the channels that apply
 * are present, each holding `value`. No `required` here: @nestjs/swagger would read it as the record's own and mark it optional.
 */
export function perChannelSchema(value: ApiPropertyOptions, description?: string): ApiPropertyOptions {
  return { type: 'object', description, properties: Object.fromEntries(CHANNELS.map((channel) => [channel, value])) };
}

/** The schema of a record keyed by criterion key (the grid's `key`), each holding `value`. */
export function perCriterionSchema(value: SchemaObject): ApiPropertyOptions {
  return { type: 'object', additionalProperties: value, description: 'By criterion key of the channel grid' };
}
