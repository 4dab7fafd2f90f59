import { EditionStatus, type Edition } from './entities/edition.entity';
import { ConflictError, formatInstant } from '@app/core';

/** The instants of an edition's calendar, in their required order. */
export const CALENDAR_FIELDS = ['registrationOpensAt', 'registrationDeadline', 'paymentDueAt', 'testPeriodStart', 'testPeriodEnd', 'resultsPublishAt'] as const;
export type CalendarField = (typeof CALENDAR_FIELDS)[number];
export type EditionCalendarInstants = Record<CalendarField, Date>;

/** Each instant against the one before it: `true` when they may not be equal. */
const ORDER: [earlier: CalendarField, later: CalendarField, strict: boolean][] = [
  ['registrationOpensAt', 'registrationDeadline', true],
  ['registrationDeadline', 'paymentDueAt', false],
  ['paymentDueAt', 'testPeriodStart', false],
  ['testPeriodStart', 'testPeriodEnd', true],
  ['testPeriodEnd', 'resultsPublishAt', false],
];

/**
 * The ordering rule of a calendar: opensAt < deadline ≤ paymentDueAt ≤ testPeriodStart < testPeriodEnd ≤ resultsPublishAt.
 * Returns one sentence per pair out of order (empty when the calendar is valid), with the instants shown in `zone`.
 */
export function calendarOrderProblems(calendar: EditionCalendarInstants, zone: string): string[] {
  const problems: string[] = [];
  for (const [earlier, later, strict] of ORDER) {
    const a = calendar[earlier].getTime();
    const b = calendar[later].getTime();
    if (strict ? b > a : b >= a) continue;
    const shown = (field: CalendarField) => `${field} (${formatInstant(calendar[field], zone)})`;
    problems.push(strict ? `${shown(later)} must be later than ${shown(earlier)}` : `${shown(later)} must not be earlier than ${shown(earlier)}`);
  }
  return problems;
}

export type RegistrationWindow = { open: true } | { open: false; reason: string; code: 'REGISTRATION_NOT_OPEN' | 'REGISTRATION_CLOSED' };

export type WindowEdition = Pick<Edition, 'year' | 'status' | 'timezone' | 'registrationOpensAt' | 'registrationDeadline'>;

/**
 * The request-time clock rule: an edition accepts entries while it is OPEN and `opensAt ≤ now < deadline`,
 * to the millisecond (23:59:59.999 is in, 00:00:00.000 is out). A late or lost calendar job cannot let a
 * late entry in, since this does not depend on the status having moved.
 */
export function registrationWindow(edition: WindowEdition, now: Date = new Date()): RegistrationWindow {
  const { year, status, timezone } = edition;
  if (status === EditionStatus.Draft) return { open: false, reason: `registration for edition ${year} is not open yet`, code: 'REGISTRATION_NOT_OPEN' };
  if (status !== EditionStatus.Open || now.getTime() >= edition.registrationDeadline.getTime()) {
    return {
      open: false,
      reason: `registration for edition ${year} closed at ${formatInstant(edition.registrationDeadline, timezone)}`,
      code: 'REGISTRATION_CLOSED',
    };
  }
  if (now.getTime() < edition.registrationOpensAt.getTime()) {
    return {
      open: false,
      reason: `registration for edition ${year} is not open yet: it opens at ${formatInstant(edition.registrationOpensAt, timezone)}`,
      code: 'REGISTRATION_NOT_OPEN',
    };
  }
  return { open: true };
}

/** 409 naming the rule when the edition does not accept entries at `now`. */
export function assertAcceptingEntries(edition: WindowEdition, now: Date = new Date()): void {
  const window = registrationWindow(edition, now);
  if (!window.open) throw new ConflictError(window.reason, window.code);
}
