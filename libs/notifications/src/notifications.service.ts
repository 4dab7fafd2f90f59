import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Locale, type UnitOfWork, JobId, QueueName, withinDeadline, type JobQueue } from '@app/core';
import { NotificationStatus, type NotificationAttachment } from './notification.entity';
import type { TemplateData, TemplateName } from './templates/templates';

export interface NotificationInput<T extends TemplateName = TemplateName> {
  template: T;
  to: string;
  locale?: Locale;
  data: TemplateData[T];
  /** Names the event; a second notification with the same key is ignored. */
  dedupeKey?: string;
  attachments?: NotificationAttachment[];
}

/** Collects the notifications of one unit of work; they are queued once it has committed. */
export class Outbox {
  private readonly ids: string[] = [];

  constructor(
    readonly uow: UnitOfWork,
    private readonly service: NotificationsService,
  ) {
    uow.afterCommit(() => service.dispatch(this.ids));
  }

  get tx(): EntityManager {
    return this.uow.tx;
  }

  async notify(...inputs: NotificationInput[]): Promise<void> {
    this.ids.push(...(await this.service.write(this.tx, inputs)));
  }
}

type NotificationsQueue = JobQueue<typeof QueueName.Notifications>;

/** Rows per INSERT statement, and jobs per call to the queue. */
const WRITE_SLICE = 1000;
const DISPATCH_SLICE = 500;

/**
 * The transactional outbox: notifications are rows written in the same transaction as the change that
 * causes them, then put on the `notifications` queue after commit (or by the relay, if that step was lost).
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly outboxes = new WeakMap<UnitOfWork, Outbox>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: NotificationsQueue,
  ) {}

  /** The outbox of a unit of work: the notifications written through it are queued after its commit. */
  outbox(uow: UnitOfWork): Outbox {
    let outbox = this.outboxes.get(uow);
    if (!outbox) this.outboxes.set(uow, (outbox = new Outbox(uow, this)));
    return outbox;
  }

  /** Writes notification rows in the caller's transaction; returns the ids of the rows written (not duplicates). */
  async write(tx: EntityManager, inputs: NotificationInput[]): Promise<string[]> {
    const ids: string[] = [];
    // In slices: a publication writes one row per entrant's user, and a statement stays a bounded size.
    for (let i = 0; i < inputs.length; i += WRITE_SLICE) ids.push(...(await this.insert(tx, inputs.slice(i, i + WRITE_SLICE))));
    return ids;
  }

  private async insert(tx: EntityManager, inputs: NotificationInput[]): Promise<string[]> {
    // The rows as seven arrays (unnest): one statement and seven parameters whatever the count, and no query building.
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO notification (template, recipient, locale, data, attachments, dedupe_key, status, attempts)
       SELECT template, recipient, locale, data, attachments, dedupe_key, $7, 0
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::text[]) AS n(template, recipient, locale, data, attachments, dedupe_key)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        inputs.map((n) => n.template),
        inputs.map((n) => n.to.toLowerCase()),
        inputs.map((n) => n.locale ?? 'fr'),
        inputs.map((n) => JSON.stringify(n.data)),
        inputs.map((n) => JSON.stringify(n.attachments ?? [])),
        inputs.map((n) => n.dedupeKey ?? null),
        NotificationStatus.Pending,
      ],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Puts notifications on the queue, a slice of them per call, each within the queue deadline (ten thousand
   * jobs in one call outlast it); a failure is only logged, since the relay will pick up the rest.
   */
  async dispatch(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += DISPATCH_SLICE) {
      const slice = ids.slice(i, i + DISPATCH_SLICE);
      try {
        await withinDeadline(
          this.queue.addBulk(
            slice.map((notificationId) => ({ name: 'send-notification', data: { notificationId }, opts: { jobId: JobId.notification(notificationId) } })),
          ),
          `queue ${slice.length} notification(s)`,
        );
      } catch (error) {
        this.logger.warn(`Could not queue ${ids.length - i} notification(s) now, the outbox relay will: ${(error as Error).message}`);
        return;
      }
    }
  }

  /**
   * The relay: queues every notification still pending (worker or Redis was down when it was written), or only
   * those written at least `minAgeMs` ago — the younger ones were queued after their commit, or soon will be.
   */
  async relayPending(batchSize = 1000, minAgeMs = 0): Promise<number> {
    let relayed = 0;
    // Paged on (created_at, id), the instant kept as text: the rows of one transaction share created_at (a
    // publication writes thousands), and a JavaScript Date would drop its microseconds and read the same page again.
    let after = ['-infinity', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const rows: { id: string; created_at: string }[] = await this.dataSource.query(
        `SELECT id, created_at::text AS created_at FROM notification
          WHERE status = $1 AND (created_at, id) > ($2::timestamptz, $3::uuid) AND created_at <= now() - $5 * interval '1 millisecond'
          ORDER BY created_at, id LIMIT $4`,
        [NotificationStatus.Pending, ...after, batchSize, minAgeMs],
      );
      if (rows.length === 0) return relayed;
      await this.dispatch(rows.map((r) => r.id));
      relayed += rows.length;
      after = [rows[rows.length - 1].created_at, rows[rows.length - 1].id];
      if (rows.length < batchSize) return relayed;
    }
  }
}
