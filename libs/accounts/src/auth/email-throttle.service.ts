import { Injectable } from '@nestjs/common';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig, InjectRedis, ThrottledError, type RedisClient } from '@app/core';

/** At most 5 e-mails of one kind (reset, invitation) to one address per hour, so the routes cannot be used to flood an inbox. */
export const EMAILS_PER_ADDRESS_PER_HOUR = 5;

/** Counts e-mails sent to an address by the routes that send one on request, in Redis (shared by every API process). */
@Injectable()
export class EmailThrottle {
  private readonly limiter: RateLimiterRedis;

  constructor(@InjectRedis() redis: RedisClient, config: AppConfig) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      points: EMAILS_PER_ADDRESS_PER_HOUR,
      duration: 3600,
      keyPrefix: `${config.QUEUE_PREFIX}:email-sent`,
    });
  }

  /** Counts one e-mail of this kind to the address; false when the hour's allowance is used up. */
  async take(kind: string, email: string): Promise<boolean> {
    try {
      await this.limiter.consume(`${kind}:${email}`);
      return true;
    } catch (rejection) {
      if (rejection instanceof Error) throw rejection;
      return false;
    }
  }

  /** As {@link take}, but a 429 naming the rule when the allowance is used up. */
  async takeOrRefuse(kind: string, email: string): Promise<void> {
    if (!(await this.take(kind, email)))
      throw new ThrottledError(`at most ${EMAILS_PER_ADDRESS_PER_HOUR} e-mails of this kind go to one address per hour: try again later`, 'TOO_MANY_EMAILS');
  }
}
