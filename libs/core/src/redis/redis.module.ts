import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRedisClient, describeRedis, type RedisClient } from './redis-client';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

/**
 * One shared ioredis client (one server, or a Redis Cluster) for caches and rate limits (BullMQ keeps its own connections). It fails a command at
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
        const redis = createRedisClient(config, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
        redis.on('error', () => undefined); // each failed command reports it; ioredis would otherwise log every reconnect attempt
        await new Promise<void>((resolve, reject) => {
          redis.once('ready', () => resolve());
          redis.once('end', () => reject(new Error(`${describeRedis(config)} closed the connection`)));
        });
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
