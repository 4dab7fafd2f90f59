import { getSharedConfigToken, type BullRootModuleOptions } from '@nestjs/bullmq';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue, Worker, type Processor, type WorkerOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { queueKeyPrefix } from './queue-connection';
import { queueJobOptions, sectorQueueName, type JobQueue, type SectorJobs, type SectorQueueName } from './queues';

export type SectorProcessor<R> = Processor<SectorJobs['assign-tasks'], R, 'assign-tasks'>;
export type SectorWorker<R = unknown> = Worker<SectorJobs['assign-tasks'], R, 'assign-tasks'>;

/**
 * The sector queues (`assignment.<code>`), made on demand on the connection every queue of the platform shares
 * (BullMQ's root options), each with its own tagged prefix (`queueKeyPrefix`) and the family's retry policy.
 * Whoever shows the queues (the dashboard) hears of each one as it is made.
 */
@Injectable()
export class SectorQueues implements OnModuleDestroy {
  private readonly queues = new Map<string, Queue>();
  private readonly listeners: ((queue: Queue) => void)[] = [];
  /** Closing: no new connection is opened (a running worker's reconciler queues the PENDING tasks left behind). */
  private closed = false;

  constructor(
    @Inject(getSharedConfigToken()) private readonly shared: BullRootModuleOptions,
    private readonly config: AppConfig,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** The producer side of a sector's queue. */
  queueFor(code: string): JobQueue<SectorQueueName> {
    let queue = this.queues.get(code);
    if (!queue) {
      if (this.closed) throw new Error(`shutting down: no new queue for sector ${code}`);
      const name = sectorQueueName(code);
      queue = new Queue(name, {
        connection: this.shared.connection,
        prefix: queueKeyPrefix(this.shared.prefix!, name),
        defaultJobOptions: queueJobOptions(name, this.config.QUEUE_BACKOFF_MS),
      });
      this.queues.set(code, queue);
      for (const listener of this.listeners) listener(queue);
    }
    return queue;
  }

  /** A consumer of a sector's queue; its owner closes it. */
  workerFor<R>(code: string, processor: SectorProcessor<R>, options: Pick<WorkerOptions, 'concurrency'>): SectorWorker<R> {
    const name = sectorQueueName(code);
    return new Worker(name, processor, { ...options, connection: this.shared.connection, prefix: queueKeyPrefix(this.shared.prefix!, name) });
  }

  /** Calls `listener` with every sector queue made so far and with each one made from now on. */
  onQueue(listener: (queue: Queue) => void): void {
    this.listeners.push(listener);
    for (const queue of this.queues.values()) listener(queue);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
