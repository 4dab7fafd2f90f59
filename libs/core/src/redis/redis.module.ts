import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

/**
 * One shared ioredis client for caches and rate limits (BullMQ keeps its own connections). It fails a command at
 * once while Redis is unreachable (no offline queue, one retry), so a login answers 503 quickly instead of waiting;
 * the app waits for its first connection at start-up, and ioredis reconnects on its own after an outage.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
        redis.on('error', () => undefined); // each failed command reports it; ioredis would otherwise log every reconnect attempt
        await new Promise<void>((resolve, reject) => {
          redis.once('ready', () => resolve());
          redis.once('end', () => reject(new Error(`Redis at ${config.REDIS_URL} closed the connection`)));
        });
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
