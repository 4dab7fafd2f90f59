import type { JobsOptions } from 'bullmq';

/**
 * Every queue, job name and payload of the platform, defined once.
 * A payload carries ids, never objects: a job reads the current state when it runs, so it stays idempotent.
 */
export const QueueName = {
  Notifications: 'notifications',
  EditionCalendar: 'edition-calendar',
  Tasks: 'tasks',
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
    'test-period-end': { editionId: string };
  };
  /** Mystery-shopper task housekeeping. */
  [QueueName.Tasks]: {
    'generate-tasks': { editionId: string };
    'expire-tasks': Record<string, never>;
    'remind-due-tasks': Record<string, never>;
    'send-assignment-digests': Record<string, never>;
  };
}

export type CalendarJobName = JobName<typeof QueueName.EditionCalendar>;

/**
 * Assignment runs on one queue per sector (category code), `assignment.<code>`, so that a worker process
 * can be told which sectors it serves (WORKER_SECTORS) and sectors scale out onto more machines.
 * These queues are made on demand (the set of sectors changes each edition), not registered with Nest.
 */
export const SECTOR_QUEUE_PREFIX = 'assignment';
export const sectorQueueName = (categoryCode: string) => `${SECTOR_QUEUE_PREFIX}.${categoryCode}`;
export interface SectorJobs {
  /** A batch of task ids of one sector to assign; the job re-reads each task and skips those no longer PENDING. */
  'assign-tasks': { taskIds: string[] };
}

export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q> = JobName<Q>> = QueueJobs[Q][J];

/** Deterministic job ids for jobs that must run once (BullMQ ignores an add whose id already exists). */
export const JobId = {
  notification: (notificationId: string) => `notification-${notificationId}`,
  /** One job per edition, step and instant: an extension (a new instant) makes new jobs, a restart does not. */
  calendar: (editionId: string, step: string, at: Date) => `calendar-${editionId}-${step}-${at.getTime()}`,
  taskGeneration: (editionId: string) => `generate-tasks-${editionId}`,
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
    case QueueName.Tasks:
      return { ...common, attempts: 5 };
  }
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

/** Sector queues: a task that finds no eligible shopper retries with back-off, then is flagged UNASSIGNABLE. */
export function sectorJobOptions(backoffMs: number): JobsOptions {
  return { attempts: 6, backoff: { type: 'exponential', delay: backoffMs }, removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: false };
}
