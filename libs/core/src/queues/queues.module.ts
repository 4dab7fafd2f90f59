import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ALL_QUEUES, queueJobOptions } from './queues';
import { SectorQueues } from './sector-queues';

/**
 * Registers every named queue (producers) for both apps, and the sector queues' factory on the same shared
 * connection. Processors are declared by the worker only. The prefix separates environments and test runs
 * that share one Redis.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
      }),
    }),
    BullModule.registerQueueAsync(
      ...ALL_QUEUES.map((name) => ({
        name,
        inject: [AppConfig],
        useFactory: (config: AppConfig) => ({ defaultJobOptions: queueJobOptions(name, config.QUEUE_BACKOFF_MS) }),
      })),
    ),
  ],
  providers: [SectorQueues],
  exports: [BullModule, SectorQueues],
})
export class QueuesModule {}
