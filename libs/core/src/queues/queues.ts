import type { BulkJobOptions, Job, JobsOptions, Queue } from 'bullmq';

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

/**
 * Assignment runs on one queue per sector (category code), `assignment.<code>`, so that a worker process
 * can be told which sectors it serves (WORKER_SECTORS) and sectors scale out onto more machines. The family
 * is in the catalogue like the named queues; its queues are made on demand by `SectorQueues` (the set of
 * sectors changes each edition), not registered with Nest.
 */
export const SECTOR_QUEUE_PREFIX = 'assignment';
export type SectorQueueName = `${typeof SECTOR_QUEUE_PREFIX}.${string}`;
export const sectorQueueName = (categoryCode: string): SectorQueueName => `${SECTOR_QUEUE_PREFIX}.${categoryCode}`;
export const isSectorQueue = (name: string): name is SectorQueueName => name.startsWith(`${SECTOR_QUEUE_PREFIX}.`);

/** Every queue of the catalogue: the named ones and the sector family. */
export type CatalogueQueue = QueueName | SectorQueueName;

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
  /** A batch of task ids of one sector to assign; the job re-reads each task and skips those no longer PENDING. */
  [sector: SectorQueueName]: {
    'assign-tasks': { taskIds: string[] };
  };
}

export type CalendarJobName = JobName<typeof QueueName.EditionCalendar>;

export type SectorJobs = QueueJobs[SectorQueueName];

export type JobName<Q extends CatalogueQueue> = keyof QueueJobs[Q] & string;
export type JobPayload<Q extends CatalogueQueue, J extends JobName<Q> = JobName<Q>> = QueueJobs[Q][J];

/** One job of queue `Q` for `addBulk`: its name and payload checked together. */
export type BulkJob<Q extends CatalogueQueue> = { [J in JobName<Q>]: { name: J; data: JobPayload<Q, J>; opts?: BulkJobOptions } }[JobName<Q>];

/** A queue of the catalogue whose `add` and `addBulk` check each job's name and payload together. */
export interface JobQueue<Q extends CatalogueQueue> extends Omit<Queue, 'add' | 'addBulk'> {
  add<J extends JobName<Q>>(name: J, data: JobPayload<Q, J>, opts?: JobsOptions): Promise<Job<JobPayload<Q, J>>>;
  addBulk(jobs: BulkJob<Q>[]): Promise<Job<JobPayload<Q>>[]>;
}

/** Deterministic job ids for jobs that must run once (BullMQ ignores an add whose id already exists). */
export const JobId = {
  notification: (notificationId: string) => `notification-${notificationId}`,
  /** One job per edition, step and instant: an extension (a new instant) makes new jobs, a restart does not. */
  calendar: (editionId: string, step: string, at: Date) => `calendar-${editionId}-${step}-${at.getTime()}`,
  taskGeneration: (editionId: string) => `generate-tasks-${editionId}`,
};

/**
 * Retry policy per queue: attempts with exponential back-off; failed jobs are kept for the dashboard. A job that
 * breaks a rule fails at once whatever its attempts (`failFastOnBrokenRule`).
 */
export function queueJobOptions(queue: CatalogueQueue, backoffMs: number): JobsOptions {
  const common: JobsOptions = {
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
  // A sector's batch whose tasks find no eligible shopper retries with back-off, then they are flagged UNASSIGNABLE.
  if (isSectorQueue(queue)) return { ...common, attempts: 6 };
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
