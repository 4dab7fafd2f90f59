import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job } from 'bullmq';
import { type JobName, type JobPayload, RuleAwareWorkerHost, QueueName, type JobQueue } from '@app/core';
import { AssignmentDigests, TaskDeadlines, TaskGeneration } from '@app/shoppers';
import type { Reconciles } from '../recovery/reconciles';

type TasksJobName = JobName<typeof QueueName.Tasks>;
type TasksJob = Job<JobPayload<typeof QueueName.Tasks>, unknown, TasksJobName>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/**
 * How often the task housekeeping runs. Expiry runs every 15 seconds (one indexed query) so that a late task of a
 * demonstration season, whose grace is a twentieth of a test period of minutes, expires and is replaced in time.
 * The assignment digest is hourly so a shopper hears of new tasks the same day; in a real season one could make
 * it daily by changing this one constant.
 */
export const TASK_SCHEDULES: Record<Exclude<TasksJobName, 'generate-tasks'>, number> = {
  'expire-tasks': 15 * SECOND,
  'remind-due-tasks': 15 * MINUTE,
  'send-assignment-digests': 60 * MINUTE,
};

/** Runs the `tasks` queue: generation per edition, expiry, due-soon reminders, assignment digests. Worker only. */
@Processor(QueueName.Tasks, { concurrency: 1 })
export class TasksProcessor extends RuleAwareWorkerHost<TasksJob> implements Reconciles {
  private readonly logger = new Logger(TasksProcessor.name);

  constructor(
    @InjectQueue(QueueName.Tasks) private readonly queue: JobQueue<typeof QueueName.Tasks>,
    private readonly generation: TaskGeneration,
    private readonly digests: AssignmentDigests,
    private readonly deadlines: TaskDeadlines,
  ) {
    super();
  }

  /** The repeating jobs that are missing, upserted (one scheduler per job, so several workers make no duplicates). */
  async reconcile(): Promise<string | null> {
    const made = [];
    for (const [name, every] of Object.entries(TASK_SCHEDULES) as [keyof typeof TASK_SCHEDULES, number][]) {
      if (await this.queue.getJobScheduler(name)) continue;
      await this.queue.upsertJobScheduler(name, { every }, { name, data: {} });
      made.push(`${name} every ${every % MINUTE === 0 ? `${every / MINUTE} min` : `${every / SECOND} s`}`);
    }
    return made.length > 0 ? `scheduled ${made.join(', ')}` : null;
  }

  protected async run(job: TasksJob): Promise<unknown> {
    switch (job.name) {
      case 'generate-tasks':
        return this.generation.generateForEdition((job.data as JobPayload<typeof QueueName.Tasks, 'generate-tasks'>).editionId);
      case 'expire-tasks':
        return this.deadlines.expireOverdue();
      case 'remind-due-tasks':
        return { reminded: await this.deadlines.remindDueSoon() };
      case 'send-assignment-digests':
        return { sent: await this.digests.sendAssignmentDigests() };
    }
  }
}
