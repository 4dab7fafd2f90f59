import { InjectQueue, OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { isFinalFailure, RuleAwareWorkerHost, QueueName, type JobPayload, type JobQueue } from '@app/core';
import { NOTIFICATIONS_CONCURRENCY, NotificationSender, NotificationsService } from '@app/notifications';
import type { Reconciles } from '../recovery/reconciles';

type NotificationJob = Job<JobPayload<typeof QueueName.Notifications>>;

/** How often the relay looks for notifications that never reached the queue. */
const RELAY_EVERY_MS = 10_000;
/**
 * The scheduled relay leaves alone the notifications of the last minute: they were queued after their commit
 * (re-queueing a backlog of thousands every ten seconds only loads Redis). At start-up it takes them all.
 */
const RELAY_MIN_AGE_MS = 60_000;

/** Sends queued e-mails and runs the outbox relay every few seconds (re-created by the reconciler if Redis lost it). Worker only. */
@Processor(QueueName.Notifications, { concurrency: NOTIFICATIONS_CONCURRENCY })
export class NotificationsProcessor extends RuleAwareWorkerHost<NotificationJob> implements Reconciles {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private relayedAll = false;

  constructor(
    private readonly sender: NotificationSender,
    private readonly notifications: NotificationsService,
    @InjectQueue(QueueName.Notifications) private readonly queue: JobQueue<typeof QueueName.Notifications>,
  ) {
    super();
  }

  /**
   * The relay's scheduler if it is missing, and the pending notifications queued (an existing job is left as it
   * is): all of them at start-up and when Redis lost the scheduler (so it lost their jobs too), otherwise those
   * older than a minute.
   */
  async reconcile(): Promise<string | null> {
    const missing = !(await this.queue.getJobScheduler('relay-outbox'));
    if (missing) await this.queue.upsertJobScheduler('relay-outbox', { every: RELAY_EVERY_MS }, { name: 'relay-outbox', data: {} });
    const relayed = await this.notifications.relayPending(undefined, missing || !this.relayedAll ? 0 : RELAY_MIN_AGE_MS);
    this.relayedAll = true;
    return missing || relayed > 0 ? `${missing ? 'relay scheduler re-created, ' : ''}${relayed} pending notification(s) relayed` : null;
  }

  protected async run(job: NotificationJob): Promise<unknown> {
    switch (job.name) {
      case 'send-notification':
        return this.sender.send((job.data as { notificationId: string }).notificationId);
      case 'relay-outbox':
        return this.notifications.relayPending(undefined, RELAY_MIN_AGE_MS);
      default:
        throw new Error(`Unknown job ${job.name} on ${QueueName.Notifications}`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: NotificationJob | undefined, error: Error): Promise<void> {
    if (!job || job.name !== 'send-notification') return;
    const final = isFinalFailure(job, error);
    this.logger.warn(`Notification ${JSON.stringify(job.data)} attempt ${job.attemptsMade} failed${final ? ' (final)' : ''}: ${error.message}`);
    if (final) await this.sender.markFailed((job.data as { notificationId: string }).notificationId);
  }
}
