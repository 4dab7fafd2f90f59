import { buildCast } from './cast';
import { checkOptions, DEMO_SEASON, SMALL_SEASON, weightsFor } from './options';

describe('season set-up', () => {
  describe('checkOptions', () => {
    it('accepts the demonstration and the small season', () => {
      expect(checkOptions(DEMO_SEASON)).toEqual([]);
      expect(checkOptions(SMALL_SEASON)).toEqual([]);
    });

    it.each([
      [{ sectors: 9 }, '--sectors must be a whole number from 2 to 7 (got 9)'],
      [{ sectors: 1.5 }, '--sectors must be a whole number from 2 to 7 (got 1.5)'],
      [{ companies: 8 }, '--companies must be a whole number from 15 to 2000 (got 8)'],
      [{ companies: Number.NaN }, '--companies must be a whole number from 15 to 2000 (got NaN)'],
      [{ seed: -1 }, '--seed must be a whole number from 0 to 2147483647 (got -1)'],
      [{ shoppers: 20 }, '--shoppers: each sector needs at least 13 shoppers for the rotation rule; 20 give 8'],
    ])('names the broken rule: %o', (change, message) => {
      expect(checkOptions({ ...DEMO_SEASON, ...change })).toContain(message);
    });
  });

  it('shares the 100 weight points among the tested channels only', () => {
    expect(weightsFor(DEMO_SEASON.quotas)).toEqual({ PHONE: 40, EMAIL: 20, WEB: 15, CHAT: 15, SOCIAL: 10 });
    expect(weightsFor({ PHONE: 5, EMAIL: 5, WEB: 5 })).toEqual({ PHONE: 54, EMAIL: 26, WEB: 20 });
    expect(weightsFor({ EMAIL: 3, CHAT: 0 })).toEqual({ EMAIL: 100 });
  });

  describe('buildCast', () => {
    const cast = (run: string, seed = 2027) => buildCast({ companies: 40, shoppers: 60, sectors: 5, seed, run });

    it('gives the same people for the same seed, with SIRENs and e-mails unique to the run', () => {
      const [a, b] = [cast('run-a'), cast('run-b')];
      expect(b.companies.map((c) => [c.name, c.quality, c.payment])).toEqual(a.companies.map((c) => [c.name, c.quality, c.payment]));
      expect(b.shoppers.map((s) => [s.bias, s.noise, s.sectors])).toEqual(a.shoppers.map((s) => [s.bias, s.noise, s.sectors]));
      expect(b.companies.some((c, i) => c.siren === a.companies[i].siren || c.email === a.companies[i].email)).toBe(false);
      expect(cast('run-a', 1).companies.map((c) => c.quality)).not.toEqual(a.companies.map((c) => c.quality));
    });

    it('plans every outcome: a too-small sector, one below the threshold, contested ones each with a clear leader, one company that never pays', () => {
      const { sectors, companies } = cast('run');
      expect(sectors.map((s) => s.plan)).toEqual(['CONTESTED', 'CONTESTED', 'CONTESTED', 'LOW_QUALITY', 'TOO_SMALL']);
      expect(companies.filter((c) => c.sector === sectors[4].code)).toHaveLength(2);
      expect(Math.max(...companies.filter((c) => c.sector === sectors[3].code).map((c) => c.quality))).toBeLessThan(0.6);
      for (const sector of sectors.filter((s) => s.plan === 'CONTESTED')) {
        const qualities = companies
          .filter((c) => c.sector === sector.code)
          .map((c) => c.quality)
          .sort((x, y) => y - x);
        expect(qualities[0] - qualities[1]).toBeGreaterThanOrEqual(0.1);
      }
      const never = companies.filter((c) => c.payment === 'NEVER');
      expect(never).toHaveLength(1);
      expect(sectors.find((s) => s.code === never[0].sector)!.plan).toBe('CONTESTED');
      expect(never[0].quality).toBeLessThan(0.8);
      expect(companies.some((c) => c.payment === 'BANK_TRANSFER')).toBe(true);
    });
  });
});
