import { ConflictError } from '@app/core';
import { assertAcceptingEntries, calendarOrderProblems, registrationWindow, type EditionCalendarInstants, type WindowEdition } from './edition-rules';
import { EditionStatus } from './entities/edition.entity';
import { parseInstant } from './time';

const PARIS = 'Europe/Paris';
const local = (value: string) => parseInstant('test', value, PARIS);
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

const edition = (overrides: Partial<WindowEdition> = {}): WindowEdition => ({
  year: 2027,
  status: EditionStatus.Open,
  timezone: PARIS,
  registrationOpensAt: local('2026-12-01T09:00'),
  registrationDeadline: local('2027-03-10T23:59:59.999'),
  ...overrides,
});

describe('registrationWindow: the request-time clock rule', () => {
  it('is open from opensAt up to the last millisecond before the deadline', () => {
    const e = edition();
    expect(registrationWindow(e, local('2026-12-01T09:00'))).toEqual({ open: true });
    expect(registrationWindow(e, local('2027-03-10T23:59:59.998'))).toEqual({ open: true });
    expect(registrationWindow(e, local('2027-03-10T23:59:59.999'))).toEqual({
      open: false,
      reason: 'registration for edition 2027 closed at 10/03/2027 23:59:59 (Europe/Paris)',
      code: 'REGISTRATION_CLOSED',
    });
    expect(registrationWindow(e, local('2027-03-11T00:00:00.000'))).toMatchObject({ open: false });
  });

  it('with a deadline at midnight, lets 23:59:59.999 in and keeps 00:00:00.000 out', () => {
    const e = edition({ registrationDeadline: local('2027-03-11T00:00') });
    expect(registrationWindow(e, local('2027-03-10T23:59:59.999'))).toEqual({ open: true });
    expect(registrationWindow(e, local('2027-03-11T00:00:00.000'))).toEqual({
      open: false,
      reason: 'registration for edition 2027 closed at 11/03/2027 00:00:00 (Europe/Paris)',
      code: 'REGISTRATION_CLOSED',
    });
  });

  it('says a draft is not open yet, and names the opening of an early-opened edition', () => {
    expect(registrationWindow(edition({ status: EditionStatus.Draft }), local('2027-01-15T10:00'))).toEqual({
      open: false,
      reason: 'registration for edition 2027 is not open yet',
      code: 'REGISTRATION_NOT_OPEN',
    });
    expect(registrationWindow(edition(), local('2026-12-01T08:59:59.999'))).toEqual({
      open: false,
      reason: 'registration for edition 2027 is not open yet: it opens at 01/12/2026 09:00:00 (Europe/Paris)',
      code: 'REGISTRATION_NOT_OPEN',
    });
  });

  it.each([EditionStatus.Closed, EditionStatus.Testing, EditionStatus.Scoring, EditionStatus.Published])(
    'is closed once the edition is %s, even before the deadline',
    (status) => {
      expect(registrationWindow(edition({ status }), local('2027-01-15T10:00'))).toMatchObject({
        open: false,
        reason: expect.stringMatching(/closed at 10\/03\/2027/),
      });
    },
  );

  it('asserts with a 409 that names the rule', () => {
    const e = edition();
    expect(() => assertAcceptingEntries(e, local('2027-03-10T23:59:59.998'))).not.toThrow();
    expect(() => assertAcceptingEntries(e, local('2027-03-11T00:00'))).toThrow(ConflictError);
    expect(() => assertAcceptingEntries(e, local('2027-03-11T00:00'))).toThrow('registration for edition 2027 closed at 10/03/2027 23:59:59 (Europe/Paris)');
  });

  it('keeps an exact millisecond boundary for a deadline just after the spring-forward gap', () => {
    const e = edition({ registrationDeadline: local('2027-03-28T03:00') });
    expect(e.registrationDeadline.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(registrationWindow(e, ms(e.registrationDeadline, -1))).toEqual({ open: true });
    expect(registrationWindow(e, e.registrationDeadline)).toEqual({
      open: false,
      reason: 'registration for edition 2027 closed at 28/03/2027 03:00:00 (Europe/Paris)',
      code: 'REGISTRATION_CLOSED',
    });
  });
});

describe('calendarOrderProblems', () => {
  const calendar = (): EditionCalendarInstants => ({
    registrationOpensAt: local('2026-12-01T09:00'),
    registrationDeadline: local('2027-03-10T23:59:59.999'),
    paymentDueAt: local('2027-03-25T23:59:59.999'),
    testPeriodStart: local('2027-04-01T00:00'),
    testPeriodEnd: local('2027-06-30T23:59:59.999'),
    resultsPublishAt: local('2027-10-05T10:00'),
  });

  it('accepts the rulebook calendar, and equal instants where ≤ allows them', () => {
    expect(calendarOrderProblems(calendar(), PARIS)).toEqual([]);
    const tight = calendar();
    tight.paymentDueAt = tight.registrationDeadline;
    tight.testPeriodStart = tight.registrationDeadline;
    tight.resultsPublishAt = tight.testPeriodEnd;
    expect(calendarOrderProblems(tight, PARIS)).toEqual([]);
  });

  it.each<[keyof EditionCalendarInstants, keyof EditionCalendarInstants, string]>([
    ['registrationDeadline', 'registrationOpensAt', 'registrationDeadline (01/12/2026 09:00:00 (Europe/Paris)) must be later than registrationOpensAt'],
    ['paymentDueAt', 'registrationOpensAt', 'paymentDueAt (01/12/2026 09:00:00 (Europe/Paris)) must not be earlier than registrationDeadline'],
    ['testPeriodStart', 'registrationOpensAt', 'testPeriodStart (01/12/2026 09:00:00 (Europe/Paris)) must not be earlier than paymentDueAt'],
    ['testPeriodEnd', 'testPeriodStart', 'testPeriodEnd (01/04/2027 00:00:00 (Europe/Paris)) must be later than testPeriodStart'],
    ['resultsPublishAt', 'testPeriodStart', 'resultsPublishAt (01/04/2027 00:00:00 (Europe/Paris)) must not be earlier than testPeriodEnd'],
  ])('refuses %s set to %s, naming the pair', (field, copyOf, message) => {
    const c = calendar();
    c[field] = c[copyOf];
    expect(calendarOrderProblems(c, PARIS).join('; ')).toContain(message);
  });
});
