/**
 * A consumer that can rebuild what its queue should hold from Postgres, the source of truth (jobs lost when
 * Redis restarted empty, or never queued because a process crashed). Idempotent: run when nothing is missing,
 * it adds nothing. Returns a line saying what it rebuilt, or null when nothing was missing.
 */
export interface Reconciles {
  reconcile(): Promise<string | null>;
}
