import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CategoriesService } from '@app/contest';
import { AppConfig, failFastOnBrokenRule, SectorQueues, type SectorJobs, type SectorWorker } from '@app/core';
import { sectorEvents, TaskAssignment } from '@app/shoppers';

/** How often the served sectors are re-read when WORKER_SECTORS is empty (new categories, new editions). */
const RESCAN_MS = 30_000;

/**
 * Worker-only: one BullMQ worker per served sector queue (`assignment.<code>`), processing `assign-tasks`
 * through {@link TaskAssignment.assignBatch}. A job whose tasks found no eligible shopper throws, so BullMQ
 * retries it with back-off; on its last try those tasks become UNASSIGNABLE and the jury is told.
 * Sectors served: WORKER_SECTORS, or every category code of the editions in OPEN, CLOSED or TESTING.
 * A sector queued by this process (generation, replacements) is served at once. At bootstrap it re-queues
 * every PENDING task (jobs lost with Redis).
 */
@Injectable()
export class SectorWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SectorWorkers.name);
  private readonly workers = new Map<string, SectorWorker>();
  private timer: NodeJS.Timeout | null = null;
  private closing = false;
  private readonly onEnqueued = (codes: string[]) => this.serve(codes);

  constructor(
    private readonly config: AppConfig,
    private readonly assignment: TaskAssignment,
    private readonly categories: CategoriesService,
    private readonly sectorQueues: SectorQueues,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    if (!this.fixedSectors()) {
      this.timer = setInterval(() => void this.refresh().catch((e: Error) => this.logger.warn(`Sector rescan failed: ${e.message}`)), RESCAN_MS);
      this.timer.unref();
      sectorEvents.on('enqueued', this.onEnqueued);
    }
  }

  /** PENDING tasks of editions in test whose sector queue is empty: their jobs were lost, or never queued. */
  async reconcile(): Promise<string | null> {
    const requeued = await this.assignment.requeueStranded();
    return requeued > 0 ? `${requeued} stranded PENDING task(s) queued` : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** The sector codes this process serves. */
  get served(): string[] {
    return [...this.workers.keys()].sort();
  }

  private fixedSectors(): string[] | null {
    const codes = this.config.WORKER_SECTORS.split(',').filter(Boolean);
    return codes.length > 0 ? codes : null;
  }

  /** Starts a worker for each served sector that has none yet. */
  async refresh(): Promise<void> {
    this.serve(this.fixedSectors() ?? (await this.categories.liveSectorCodes()));
  }

  /** Starts workers for these sectors (those not served yet). */
  serve(codes: string[]): void {
    if (this.closing) return;
    for (const code of codes) {
      if (this.workers.has(code)) continue;
      const worker = this.sectorQueues.workerFor(code, (job) => failFastOnBrokenRule(() => this.process(job)), {
        concurrency: this.config.ASSIGNMENT_CONCURRENCY,
      });
      worker.on('error', (e) => this.logger.warn(`Sector ${code} worker: ${e.message}`));
      this.workers.set(code, worker);
    }
  }

  private async process(job: Job<SectorJobs['assign-tasks']>): Promise<{ assigned: number; unassignable: number }> {
    const { assigned, unassignable } = await this.assignment.assignBatch(job.data.taskIds);
    if (unassignable.length > 0) {
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!lastTry) throw new Error(`${unassignable.length} task(s) found no eligible shopper; retrying with back-off`);
      await this.assignment.markUnassignable(unassignable);
    }
    return { assigned: assigned.length, unassignable: unassignable.length };
  }

  /** Graceful: in-flight jobs finish, the rest stay queued. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
    sectorEvents.off('enqueued', this.onEnqueued);
    await Promise.all([...this.workers.values()].map((w) => w.close()));
    this.workers.clear();
  }
}
