import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

const INDICATORS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } }, required: ['status'] },
};

/** What `/health` answers while Postgres and Redis answer: the state of each (`database`, `redis`). */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status: 'ok' | 'error' | 'shutting_down';
  @ApiProperty({ ...INDICATORS, description: 'The services that answer' }) info: Record<string, { status: string }>;
  @ApiProperty({ ...INDICATORS, description: 'The services that do not answer' }) error: Record<string, { status: string }>;
  @ApiProperty({ ...INDICATORS, description: 'Every service checked' }) details: Record<string, { status: string }>;
}
