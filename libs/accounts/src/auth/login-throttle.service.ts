import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { AppConfig, InjectRedis, ThrottledError } from '@app/core';

/** Ten wrong passwords per account, or a hundred per IP address, within 15 minutes block further logins for 15 minutes. */
const WINDOW_SECONDS = 15 * 60;
const PER_ACCOUNT = 10;
const PER_IP = 100;

/** Counts failed logins in Redis (shared by every API process), per account and per IP. */
@Injectable()
export class LoginThrottle {
  private readonly byAccount: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@InjectRedis() redis: Redis, config: AppConfig) {
    const common = { storeClient: redis, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    this.byAccount = new RateLimiterRedis({ ...common, points: PER_ACCOUNT, keyPrefix: `${config.QUEUE_PREFIX}:login-fail:account` });
    this.byIp = new RateLimiterRedis({ ...common, points: PER_IP, keyPrefix: `${config.QUEUE_PREFIX}:login-fail:ip` });
  }

  /** 429 when the account or the address has used up its failed attempts. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.byAccount.get(email), this.byIp.get(ip)]);
    const blocked = [account && account.consumedPoints >= PER_ACCOUNT ? account : null, address && address.consumedPoints >= PER_IP ? address : null].find(
      Boolean,
    );
    if (blocked) this.tooMany(blocked);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(email, 1), this.byIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }

  private tooMany(state: RateLimiterRes): never {
    const minutes = Math.max(1, Math.ceil(state.msBeforeNext / 60_000));
    throw new ThrottledError(`too many failed logins: try again in ${minutes} minute(s)`, 'TOO_MANY_FAILED_LOGINS');
  }
}
