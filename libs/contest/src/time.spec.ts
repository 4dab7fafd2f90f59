import { InvalidError } from '@app/core';
import { formatInstant } from '@app/core';
import { canonicalTimeZone, parseInstant, plusDaysInZone, toLocalIso } from './time';

const PARIS = 'Europe/Paris';
const iso = (value: string, zone = PARIS) => parseInstant('registrationDeadline', value, zone).toISOString();

describe('instants in the edition time zone', () => {
  it('reads a wall-clock time in the zone, winter and summer', () => {
    expect(iso('2027-03-10T23:59:59.999')).toBe('2027-03-10T22:59:59.999Z');
    expect(iso('2027-07-14T12:00')).toBe('2027-07-14T10:00:00.000Z');
    expect(iso('2027-03-10T09:00', 'America/New_York')).toBe('2027-03-10T14:00:00.000Z');
    expect(iso('2027-10-05')).toBe('2027-10-04T22:00:00.000Z');
  });

  it('takes an instant with an offset as it is, whatever the zone', () => {
    expect(iso('2027-03-10T22:59:59.999Z')).toBe('2027-03-10T22:59:59.999Z');
    expect(iso('2027-03-10T23:59:59.999+01:00', 'Asia/Tokyo')).toBe('2027-03-10T22:59:59.999Z');
    expect(iso('2027-03-10T23:59:59-0500')).toBe('2027-03-11T04:59:59.000Z');
  });

  it('refuses a wall-clock time skipped by the spring-forward gap, naming it', () => {
    expect(() => parseInstant('registrationDeadline', '2027-03-28T02:30', PARIS)).toThrow(InvalidError);
    expect(() => parseInstant('registrationDeadline', '2027-03-28T02:30', PARIS)).toThrow(
      /registrationDeadline 2027-03-28T02:30 does not exist in Europe\/Paris: the clocks jump forward/,
    );
    expect(iso('2027-03-28T01:59:59.999')).toBe('2027-03-28T00:59:59.999Z');
    expect(iso('2027-03-28T03:00')).toBe('2027-03-28T01:00:00.000Z');
    // With an offset there is no gap: the instant is explicit.
    expect(iso('2027-03-28T02:30+01:00')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('takes the second (standard-time) occurrence of a wall-clock time repeated when the clocks go back', () => {
    expect(iso('2027-10-31T02:30')).toBe('2027-10-31T01:30:00.000Z');
  });

  it.each(['2027-02-30T10:00', '2027-13-01T10:00', '2027-03-10T24:30'])('refuses the impossible date %s', (value) => {
    expect(() => parseInstant('testPeriodStart', value, PARIS)).toThrow(/testPeriodStart is not a real date-time/);
  });

  it.each(['10/03/2027', 'tomorrow', '2027-03-10 23:59', '2027-W10-3', '2027-03-10T23:59:59.9999', ''])('refuses the non-ISO %j', (value) => {
    expect(() => parseInstant('testPeriodStart', value, PARIS)).toThrow(/testPeriodStart must be an ISO-8601 date-time/);
  });

  it('recognises IANA zones and gives their canonical name', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('+01:00')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });

  it('shows instants in the zone', () => {
    const deadline = new Date('2027-03-10T22:59:59.999Z');
    expect(formatInstant(deadline, PARIS)).toBe('10/03/2027 23:59:59 (Europe/Paris)');
    expect(toLocalIso(deadline, PARIS)).toBe('2027-03-10T23:59:59.999+01:00');
    expect(toLocalIso(new Date('2027-07-14T10:00:00Z'), PARIS)).toBe('2027-07-14T12:00:00.000+02:00');
  });

  it('adds calendar days at the same wall-clock time across a DST change', () => {
    const deadline = new Date('2027-03-28T01:00:00Z'); // 03:00 Paris, just after the gap
    const dayBefore = plusDaysInZone(deadline, PARIS, -1);
    expect(dayBefore.toISOString()).toBe('2027-03-27T02:00:00.000Z'); // 03:00 Paris in winter time
    expect(deadline.getTime() - dayBefore.getTime()).toBe(23 * 3600 * 1000);
    expect(plusDaysInZone(new Date('2027-03-10T22:59:59.999Z'), PARIS, 15).toISOString()).toBe('2027-03-25T22:59:59.999Z');
    expect(plusDaysInZone(new Date('2027-03-20T22:59:59.999Z'), PARIS, 15).toISOString()).toBe('2027-04-04T21:59:59.999Z');
  });
});
