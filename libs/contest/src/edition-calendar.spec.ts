import { calendarPlan, calendarSteps, isCurrentCalendarJob, type CalendarEdition } from './edition-calendar.service';
import { parseInstant } from './time';

const PARIS = 'Europe/Paris';
const local = (value: string) => parseInstant('test', value, PARIS);
const HOUR = 3600 * 1000;
const ID = '00000000-0000-4000-8000-000000000001';

const edition = (deadline: string): CalendarEdition => ({
  id: ID,
  timezone: PARIS,
  registrationDeadline: local(deadline),
  paymentDueAt: local('2027-04-12T03:00'),
  testPeriodStart: local('2027-04-15T00:00'),
  testPeriodEnd: local('2027-06-30T00:00'),
});

describe('calendarPlan', () => {
  it('plans D-7, D-1, close, payment due, test start and test end with deterministic ids', () => {
    const e = edition('2027-03-10T23:59:59.999');
    expect(calendarPlan(e).map((s) => [s.job.name, s.at.toISOString(), s.job.data, s.jobId])).toEqual([
      [
        'deadline-reminder',
        '2027-03-03T22:59:59.999Z',
        { editionId: ID, daysBefore: 7 },
        `calendar-${ID}-deadline-reminder-7-${Date.parse('2027-03-03T22:59:59.999Z')}`,
      ],
      [
        'deadline-reminder',
        '2027-03-09T22:59:59.999Z',
        { editionId: ID, daysBefore: 1 },
        `calendar-${ID}-deadline-reminder-1-${Date.parse('2027-03-09T22:59:59.999Z')}`,
      ],
      ['registration-close', '2027-03-10T22:59:59.999Z', { editionId: ID }, `calendar-${ID}-registration-close-${Date.parse('2027-03-10T22:59:59.999Z')}`],
      ['payment-due', '2027-04-12T01:00:00.000Z', { editionId: ID }, `calendar-${ID}-payment-due-${Date.parse('2027-04-12T01:00:00.000Z')}`],
      ['test-period-start', '2027-04-14T22:00:00.000Z', { editionId: ID }, `calendar-${ID}-test-period-start-${Date.parse('2027-04-14T22:00:00.000Z')}`],
      ['test-period-end', '2027-06-29T22:00:00.000Z', { editionId: ID }, `calendar-${ID}-test-period-end-${Date.parse('2027-06-29T22:00:00.000Z')}`],
    ]);
  });

  it('computes reminders at the same wall-clock time across the spring-forward change (D-1 is 23 h before)', () => {
    const e = edition('2027-03-28T03:00');
    expect(e.registrationDeadline.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    const [d7, d1] = calendarPlan(e);
    expect(d1.at.toISOString()).toBe('2027-03-27T02:00:00.000Z'); // 03:00 Paris, winter time
    expect(e.registrationDeadline.getTime() - d1.at.getTime()).toBe(23 * HOUR);
    expect(d7.at.toISOString()).toBe('2027-03-21T02:00:00.000Z');
    expect(e.registrationDeadline.getTime() - d7.at.getTime()).toBe((7 * 24 - 1) * HOUR);
  });

  it('keeps D-1 at 25 h before a deadline just after the autumn change', () => {
    const e = edition('2027-10-31T09:00'); // the clocks went back at 03:00 that morning
    e.paymentDueAt = local('2027-11-20T00:00');
    e.testPeriodStart = local('2027-11-21T00:00');
    const [, d1] = calendarPlan(e);
    expect(e.registrationDeadline.getTime() - d1.at.getTime()).toBe(25 * HOUR);
  });
});

describe('calendarSteps', () => {
  const e = edition('2027-03-10T23:59:59.999');

  it('skips the reminders already past but never the other steps', () => {
    expect(calendarSteps(e, local('2027-03-01T00:00')).map((s) => s.step)).toEqual([
      'deadline-reminder-7',
      'deadline-reminder-1',
      'registration-close',
      'payment-due',
      'test-period-start',
      'test-period-end',
    ]);
    expect(calendarSteps(e, local('2027-03-05T00:00')).map((s) => s.step)).toEqual([
      'deadline-reminder-1',
      'registration-close',
      'payment-due',
      'test-period-start',
      'test-period-end',
    ]);
    expect(calendarSteps(e, local('2027-05-01T00:00')).map((s) => s.step)).toEqual([
      'registration-close',
      'payment-due',
      'test-period-start',
      'test-period-end',
    ]);
  });

  it('tells a processor whether a job still belongs to the current calendar', () => {
    const [d7, , close] = calendarPlan(e);
    const extended = { ...e, registrationDeadline: local('2027-03-17T23:59:59.999') };
    expect(isCurrentCalendarJob(e, close.jobId)).toBe(true);
    expect(isCurrentCalendarJob(extended, close.jobId)).toBe(false);
    expect(isCurrentCalendarJob(extended, d7.jobId)).toBe(false);
    expect(isCurrentCalendarJob(extended, calendarPlan(e)[3].jobId)).toBe(true); // payment due did not move
    expect(isCurrentCalendarJob(e, undefined)).toBe(false);
  });
});
