import { describe, expect, it } from 'vitest';
import { checkContactPoints, emptyContactPoints, entryBody, testedChannels } from './contact-points';

const values = (points: Partial<ReturnType<typeof emptyContactPoints>>) => ({ ...emptyContactPoints(), ...points });

describe("the entry stepper's inline checks", () => {
  const channels = testedChannels({ PHONE: 60, EMAIL: 30, WEB: 0 });

  it('tests only the channels with a quota', () => {
    expect(channels).toEqual(['PHONE', 'EMAIL']);
  });

  it("checks each filled contact point against its channel's API rule", () => {
    expect(checkContactPoints(values({ PHONE: ['+33 1 23 45 67 89', 'call us'], EMAIL: ['service@example.fr'] }), channels)).toEqual({
      'contactPoints.PHONE.1': 'check.phone',
    });
    expect(checkContactPoints(values({ EMAIL: ['service@'] }), channels)).toEqual({ 'contactPoints.EMAIL.0': 'check.email' });
  });

  it('asks for at least one contact point on a tested channel; one on an untested channel does not count', () => {
    expect(checkContactPoints(values({ WEB: ['https://www.example.fr'] }), channels)).toEqual({ contactPoints: 'check.oneContactPoint' });
  });

  it('refuses more than 20 contact points on a channel', () => {
    const many = Array.from({ length: 21 }, (_, i) => `+33 1 23 45 67 ${String(i).padStart(2, '0')}`);
    expect(checkContactPoints(values({ PHONE: many }), channels)).toEqual({ 'contactPoints.PHONE': 'check.tooMany' });
  });

  it('sends the tested channels’ filled contact points, trimmed, and leaves empty channels out', () => {
    expect(entryBody('cat', values({ PHONE: [' +33 1 23 45 67 89 ', ''], EMAIL: [''], WEB: ['https://x.fr'] }), channels)).toEqual({
      categoryId: 'cat',
      contactPoints: { PHONE: ['+33 1 23 45 67 89'] },
    });
  });
});
