import type { JobsOptions } from 'bullmq';

/**
 * Every queue, job name and payload of the platform, defined once.
 * A payload carries ids, never objects: a job reads the current state when it runs, so it stays idempotent.
 */
export const QueueName = {
  Notifications: 'notifications',
  EditionCalendar: 'edition-calendar',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface QueueJobs {
  [QueueName.Notifications]: {
    'send-notification': { notificationId: string };
    'relay-outbox': Record<string, never>;
  };
  /** The timed steps of an edition's calendar; each re-checks the clock and the state when it runs. */
  [QueueName.EditionCalendar]: {
    'deadline-reminder': { editionId: string; daysBefore: 7 | 1 };
    'registration-close': { editionId: string };
    'payment-due': { editionId: string };
    'test-period-start': { editionId: string };
  };
}

export type CalendarJobName = JobName<typeof QueueName.EditionCalendar>;

export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q> = JobName<Q>> = QueueJobs[Q][J];

/** Deterministic job ids for jobs that must run once (BullMQ ignores an add whose id already exists). */
export const JobId = {
  notification: (notificationId: string) => `notification-${notificationId}`,
  /** One job per edition, step and instant: an extension (a new instant) makes new jobs, a restart does not. */
  calendar: (editionId: string, step: string, at: Date) => `calendar-${editionId}-${step}-${at.getTime()}`,
};

/** Retry policy per queue: attempts with exponential back-off; failed jobs are kept for the dashboard. */
export function queueJobOptions(queue: QueueName, backoffMs: number): JobsOptions {
  const common: JobsOptions = {
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
  switch (queue) {
    case QueueName.Notifications:
      return { ...common, attempts: 8 };
    case QueueName.EditionCalendar:
      return { ...common, attempts: 10, removeOnComplete: { age: 90 * 24 * 3600 } };
  }
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
