import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { InvoiceRecovery } from '../billing/invoice-recovery';
import { CalendarRecovery } from '../calendar/calendar-recovery';
import { TasksProcessor } from '../shoppers/tasks.processor';
import { NotificationsProcessor } from '../notifications/notifications.processor';
import { SectorWorkers } from '../shoppers/sector-workers';
import type { Reconciles } from './reconciles';

/**
 * Rebuilds the queues from Postgres at start-up and then every RECONCILE_EVERY_MS, on a plain timer since Redis
 * itself may be what was lost: the repeating jobs, the calendar's timed steps, the outbox's pending e-mails, the invoices
 * left unnumbered and the PENDING tasks of editions in test. So a running worker recovers from Redis restarting empty, or from another
 * process crashing between a commit and its queueing (or between a registration and its invoice's numbering), within one period and one pass (docs/rules.md, "Recovery").
 * Passes never overlap: one waiting for Redis to come back holds the next ones off.
 */
@Injectable()
export class QueueReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueReconciler.name);
  private readonly parts: [string, Reconciles][];
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly config: AppConfig,
    notifications: NotificationsProcessor,
    tasks: TasksProcessor,
    calendar: CalendarRecovery,
    sectors: SectorWorkers,
    invoices: InvoiceRecovery,
  ) {
    // Invoices before the outbox, whose e-mails they write; the calendar before the tasks: a step run late may
    // put an edition in test, whose tasks come next.
    this.parts = [
      ['unnumbered invoices', invoices],
      ['repeating jobs of the outbox', notifications],
      ['task housekeeping schedules', tasks],
      ['calendar', calendar],
      ['tasks', sectors],
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.pass();
    this.timer = setInterval(() => void this.pass(), this.config.RECONCILE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over every part; a part that fails (Redis or Postgres down) is logged and retried at the next pass. */
  async pass(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const [name, part] of this.parts) {
        try {
          const rebuilt = await part.reconcile();
          if (rebuilt) this.logger.log(`Reconciled ${name}: ${rebuilt}`);
        } catch (error) {
          this.logger.warn(`Could not reconcile ${name} now, will retry: ${(error as Error).message}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
