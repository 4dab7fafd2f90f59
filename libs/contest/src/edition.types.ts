import type { EditionStatus } from './entities/edition.entity';

/**
 * A new edition as the jury sets it up: instants as ISO-8601 text, with an offset or as wall-clock times in
 * the edition's zone (read by `EditionsService.create`).
 */
export interface NewEdition {
  year: number;
  name: string;
  timezone?: string;
  registrationOpensAt: string;
  registrationDeadline: string;
  paymentDueAt?: string;
  testPeriodStart: string;
  testPeriodEnd: string;
  resultsPublishAt: string;
}

/** A later registration deadline, and why. */
export interface DeadlineExtension {
  registrationDeadline: string;
  reason: string;
}

/** The calendar as wall-clock ISO strings in the edition's zone, with their offset. */
export interface EditionLocalTimes {
  registrationOpensAt: string;
  registrationDeadline: string;
  paymentDueAt: string;
  testPeriodStart: string;
  testPeriodEnd: string;
  resultsPublishAt: string;
  resultsFrozenAt: string | null;
}

/** An edition as it is read: its calendar as UTC ISO strings, and again in the edition's zone (`local`). */
export interface EditionView extends EditionLocalTimes {
  id: string;
  year: number;
  name: string;
  timezone: string;
  status: EditionStatus;
  local: EditionLocalTimes;
}
