import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EditionsService, isCurrentCalendarJob } from '@app/contest';
import { type CalendarJobName, type JobPayload, RuleAwareWorkerHost, QueueName } from '@app/core';
import { CalendarSteps, type StepOutcome } from '@app/calendar';

type CalendarJob = Job<JobPayload<typeof QueueName.EditionCalendar>, StepOutcome, CalendarJobName>;

/** Runs the edition calendar's timed steps. Worker only. */
@Processor(QueueName.EditionCalendar, { concurrency: 1 })
export class EditionCalendarProcessor extends RuleAwareWorkerHost<CalendarJob> {
  private readonly logger = new Logger(EditionCalendarProcessor.name);

  constructor(
    private readonly steps: CalendarSteps,
    private readonly editions: EditionsService,
  ) {
    super();
  }

  protected async run(job: CalendarJob): Promise<StepOutcome> {
    const { editionId } = job.data;
    // A job made for an instant the jury has since moved (deadline extension) does nothing.
    if (!isCurrentCalendarJob(await this.editions.findOrFail(editionId), job.id)) {
      this.logger.log(`Skipping stale calendar job ${job.id}`);
      return { step: job.name, done: false };
    }
    switch (job.name) {
      case 'deadline-reminder':
        return this.steps.remindUnpaid(editionId, (job.data as JobPayload<typeof QueueName.EditionCalendar, 'deadline-reminder'>).daysBefore);
      case 'registration-close':
        return this.steps.closeRegistration(editionId);
      case 'payment-due':
        return this.steps.applyPaymentDue(editionId);
      case 'test-period-start':
        return this.steps.startTestPeriod(editionId);
      case 'test-period-end':
        return this.steps.endTestPeriod(editionId);
    }
  }
}
