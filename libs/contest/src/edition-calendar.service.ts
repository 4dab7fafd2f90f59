import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobState } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { JobId, QueueName, type BulkJob, type JobQueue } from '@app/core';
import { Edition, EditionStatus } from './entities/edition.entity';
import { plusDaysInZone } from './time';

type CalendarQueue = JobQueue<typeof QueueName.EditionCalendar>;

/** What the calendar needs to know about an edition. */
export type CalendarEdition = Pick<Edition, 'id' | 'timezone' | 'registrationDeadline' | 'paymentDueAt' | 'testPeriodStart' | 'testPeriodEnd'>;

/** One timed job of an edition: its job (name and payload, checked together), the step that names its id, when it runs. */
export interface CalendarStep {
  job: BulkJob<typeof QueueName.EditionCalendar>;
  /** `deadline-reminder-7`, `deadline-reminder-1`, `registration-close`, `payment-due`, `test-period-start`, `test-period-end`. */
  step: string;
  at: Date;
  jobId: string;
}

/** Reminders are sent this many calendar days before the deadline, at the deadline's wall-clock time. */
export const REMINDER_DAYS = [7, 1] as const;

/** The statuses whose calendar still has jobs to run (and which the worker's reconciler reschedules). */
export const LIVE_EDITION_STATUSES: EditionStatus[] = [EditionStatus.Open, EditionStatus.Closed, EditionStatus.Testing];

const PENDING_STATES: (JobState | 'unknown')[] = ['delayed', 'waiting', 'prioritized'];

function step(edition: CalendarEdition, job: CalendarStep['job'], stepName: string, at: Date): CalendarStep {
  return { job, step: stepName, at, jobId: JobId.calendar(edition.id, stepName, at) };
}

/**
 * Every timed job of an edition's current calendar, whatever the time now: the D-7 and D-1 reminders
 * (computed in the edition's zone, so across a DST change D-1 may be 23 or 25 hours before), the close
 * of registration at the deadline, the payment due date, and the start and end of the test period.
 */
export function calendarPlan(edition: CalendarEdition): CalendarStep[] {
  const editionId = edition.id;
  const reminders = REMINDER_DAYS.map((daysBefore) =>
    step(
      edition,
      { name: 'deadline-reminder', data: { editionId, daysBefore } },
      `deadline-reminder-${daysBefore}`,
      plusDaysInZone(edition.registrationDeadline, edition.timezone, -daysBefore),
    ),
  );
  return [
    ...reminders,
    step(edition, { name: 'registration-close', data: { editionId } }, 'registration-close', edition.registrationDeadline),
    step(edition, { name: 'payment-due', data: { editionId } }, 'payment-due', edition.paymentDueAt),
    step(edition, { name: 'test-period-start', data: { editionId } }, 'test-period-start', edition.testPeriodStart),
    step(edition, { name: 'test-period-end', data: { editionId } }, 'test-period-end', edition.testPeriodEnd),
  ];
}

/** The jobs to schedule at `now`: the plan without the reminders whose instant has already passed. */
export function calendarSteps(edition: CalendarEdition, now: Date = new Date()): CalendarStep[] {
  return calendarPlan(edition).filter((s) => s.job.name !== 'deadline-reminder' || s.at.getTime() >= now.getTime());
}

/**
 * Whether a calendar job still belongs to the edition's current calendar. A processor checks it first: a job
 * made for a deadline that has since been extended is stale and must do nothing.
 */
export function isCurrentCalendarJob(edition: CalendarEdition, jobId: string | undefined): boolean {
  return jobId !== undefined && calendarPlan(edition).some((s) => s.jobId === jobId);
}

/**
 * Puts an edition's timed steps on the `edition-calendar` queue as delayed jobs. Job ids name the edition,
 * the step and the instant, so scheduling again is harmless and a changed instant makes a new job.
 * The processor lives in the registration library; each job re-checks the clock and the state when it runs.
 */
@Injectable()
export class EditionCalendar {
  private readonly logger = new Logger(EditionCalendar.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.EditionCalendar) private readonly queue: CalendarQueue,
  ) {}

  /** Adds the edition's jobs (delay = instant − now, at least 0); returns the steps scheduled. */
  async schedule(edition: CalendarEdition, now: Date = new Date()): Promise<CalendarStep[]> {
    const steps = calendarSteps(edition, now);
    await this.queue.addBulk(steps.map((s) => ({ ...s.job, opts: { jobId: s.jobId, delay: Math.max(0, s.at.getTime() - now.getTime()) } })));
    return steps;
  }

  /** Removes the edition's jobs that have not run yet (found by their computed ids); returns how many. */
  async unschedule(edition: CalendarEdition): Promise<number> {
    return this.removePending(calendarPlan(edition).map((s) => s.jobId));
  }

  /** After a calendar change: removes the pending jobs of `before` that `after` no longer has, then schedules `after`. */
  async reschedule(before: CalendarEdition, after: CalendarEdition, now: Date = new Date()): Promise<CalendarStep[]> {
    const kept = new Set(calendarPlan(after).map((s) => s.jobId));
    await this.removePending(
      calendarPlan(before)
        .map((s) => s.jobId)
        .filter((id) => !kept.has(id)),
    );
    return this.schedule(after, now);
  }

  /**
   * Schedules again every edition whose calendar is live (OPEN, CLOSED, TESTING), which recreates jobs lost
   * with Redis, and removes pending jobs of those editions that their current calendar no longer has.
   */
  async rescheduleAll(now: Date = new Date()): Promise<{ editions: number; removed: number }> {
    const editions = await this.dataSource.getRepository(Edition).find({ where: { status: In(LIVE_EDITION_STATUSES) }, order: { year: 'ASC' } });
    for (const edition of editions) await this.schedule(edition, now);
    const current = new Map(editions.map((e) => [e.id, new Set(calendarPlan(e).map((s) => s.jobId))]));
    const pending = await this.queue.getJobs(['delayed', 'waiting', 'prioritized']);
    const stale = pending
      .filter((job) => {
        const ids = current.get((job.data as { editionId?: string } | undefined)?.editionId ?? '');
        return job.id !== undefined && ids !== undefined && !ids.has(job.id);
      })
      .map((job) => job.id!);
    const removed = await this.removePending(stale);
    return { editions: editions.length, removed };
  }

  private async removePending(jobIds: string[]): Promise<number> {
    let removed = 0;
    for (const jobId of jobIds) {
      if (!PENDING_STATES.includes(await this.queue.getJobState(jobId))) continue;
      const count = await this.queue.remove(jobId);
      if (count === 0) this.logger.warn(`Calendar job ${jobId} started running before it could be removed`);
      removed += count;
    }
    return removed;
  }
}
