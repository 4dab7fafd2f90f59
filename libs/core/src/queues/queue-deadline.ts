/**
 * How long a request waits for Redis to take the jobs it queues after its commit. BullMQ's connections queue
 * commands while Redis is unreachable, so without a bound a request would hang for the outage's length; past it
 * the request answers, and the worker's reconciler queues from Postgres what did not get through.
 */
export const QUEUE_AFTER_COMMIT_MS = 2000;

/** `work`, or a rejection naming `what` once `ms` have passed without it settling. */
export async function withinDeadline<T>(work: Promise<T>, what: string, ms = QUEUE_AFTER_COMMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
