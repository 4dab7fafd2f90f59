import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { InjectRedis } from '@app/core';
import { Public } from '../auth/decorators';
import { ShutdownDrain } from './shutdown-drain';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly drain: ShutdownDrain,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /** 200 when Postgres and Redis answer; 503 whose message names the one that does not (or says the API is stopping). */
  @Get()
  @HealthCheck()
  async check(): Promise<HealthCheckResult> {
    if (this.drain.active) throw new ServiceUnavailableException('the API is shutting down');
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
        () =>
          this.indicators
            .check('redis')
            .attempt(async () => {
              await this.redis.ping();
            })
            .withTimeout(CHECK_TIMEOUT_MS),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.entries(result.error ?? {}).map(([name, state]) => `${name} is down${state?.message ? ` (${String(state.message)})` : ''}`);
      throw new ServiceUnavailableException(down.join('; ') || 'a dependency is down');
    }
  }
}
