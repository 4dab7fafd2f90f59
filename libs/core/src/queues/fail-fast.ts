import { WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { DomainError } from '../errors/domain-error';

/**
 * Runs a job's work so that a broken rule fails the job at once: retrying cannot mend it, so BullMQ's
 * `UnrecoverableError` skips the remaining attempts. Transient domain errors and anything else retry as usual.
 */
export async function failFastOnBrokenRule<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && !error.transient) throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/** A Nest BullMQ processor whose jobs fail at once on a broken rule: subclasses write `run`, not `process`. */
export abstract class RuleAwareWorkerHost<J extends Job = Job> extends WorkerHost {
  process(job: J): Promise<unknown> {
    return failFastOnBrokenRule(() => this.run(job));
  }

  protected abstract run(job: J): Promise<unknown>;
}

/** Whether a failed job will not run again: its attempts are spent, or it broke a rule. */
export function isFinalFailure(job: Job, error: Error): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
}
