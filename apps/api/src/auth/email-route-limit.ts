import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, InjectRedis, type RedisClient } from '@app/core';

const SENDS_EMAIL = 'palmares:sends-email';

/**
 * The route e-mails an address its caller chose (sign-up, invitations, password reset): limited per client
 * address, so nobody uses the platform to flood someone's inbox.
 */
export const SendsEmail = () => SetMetadata(SENDS_EMAIL, true);

/** `EMAIL_ROUTE_LIMIT_PER_HOUR` requests per client address and hour to the @SendsEmail() routes, counted in Redis. */
@Injectable()
export class EmailRouteLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterRedis;

  constructor(
    private readonly reflector: Reflector,
    @InjectRedis() redis: RedisClient,
    config: AppConfig,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      points: config.EMAIL_ROUTE_LIMIT_PER_HOUR,
      duration: 3600,
      keyPrefix: `${config.QUEUE_PREFIX}:email-routes`,
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.reflector.getAllAndOverride<boolean>(SENDS_EMAIL, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    try {
      await this.limiter.consume(request.ip);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw new HttpException(`too many requests that send e-mails from this address: try again in ${minutes} minute(s)`, HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
