import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createQueueConnection, queueKeyPrefix, type QueueConnection } from './queue-connection';
import { ALL_QUEUES, queueJobOptions } from './queues';
import { SectorQueues } from './sector-queues';

const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

/** The one connection (or connection options) every queue of the process is made with. */
@Module({
  providers: [{ provide: QUEUE_CONNECTION, inject: [AppConfig], useFactory: (config: AppConfig) => createQueueConnection(config) }],
  exports: [QUEUE_CONNECTION],
})
class QueueConnectionModule {}

/**
 * Registers every named queue (producers) for both apps, and the sector queues' factory on the same shared
 * connection. Processors are declared by the worker only. The prefix separates environments and test runs
 * that share one Redis, and tags each queue for a Redis Cluster (`queueKeyPrefix`).
 */
@Global()
@Module({
  imports: [
    QueueConnectionModule,
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [AppConfig, QUEUE_CONNECTION],
      useFactory: (config: AppConfig, shared: QueueConnection) => ({ connection: shared.connection, prefix: config.QUEUE_PREFIX }),
    }),
    BullModule.registerQueueAsync(
      ...ALL_QUEUES.map((name) => ({
        name,
        inject: [AppConfig],
        useFactory: (config: AppConfig) => ({
          prefix: queueKeyPrefix(config.QUEUE_PREFIX, name),
          defaultJobOptions: queueJobOptions(name, config.QUEUE_BACKOFF_MS),
        }),
      })),
    ),
  ],
  providers: [SectorQueues],
  exports: [BullModule, SectorQueues],
})
export class QueuesModule implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_CONNECTION) private readonly shared: QueueConnection) {}

  /** A global module shuts down after the queue modules and the workers, so no queue is left on the connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.shared.close();
  }
}
