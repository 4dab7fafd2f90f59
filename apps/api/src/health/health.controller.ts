import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InjectRedis, type RedisClient } from '@app/core';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';
import { HealthResponse } from './health.response';
import { ShutdownDrain } from './shutdown-drain';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
    private readonly drain: ShutdownDrain,
    @InjectRedis() private readonly redis: RedisClient,
  ) {}

  /** 200 when Postgres and Redis answer; 503 whose message names the one that does not (or says the API is stopping). */
  @Get()
  @ApiOkResponse({ type: HealthResponse })
  @ApiErrors(503)
  @HealthCheck({ swaggerDocumentation: false })
  async check(): Promise<HealthCheckResult> {
    if (this.drain.active) throw new ServiceUnavailableException('the API is shutting down');
    try {
      return await this.health.check([
        () => this.probe('database', () => this.dataSource.query('SELECT 1')),
        () => this.probe('redis', () => this.redis.ping()),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.entries(result.error ?? {}).map(([name, state]) => `${name} is down${state?.message ? ` (${String(state.message)})` : ''}`);
      throw new ServiceUnavailableException(down.join('; ') || 'a dependency is down');
    }
  }

  /** Up when `ping` answers within the timeout; down with the error's message otherwise (never a thrown error). */
  private probe(name: string, ping: () => Promise<unknown>) {
    return this.indicators
      .check(name)
      .attempt(async () => {
        await ping();
      })
      .withTimeout(CHECK_TIMEOUT_MS);
  }
}
