import { AccountsService } from '@app/accounts';
import { checkSeason, runSeason, SMALL_SEASON, type SeasonResult } from '@app/simulation';
import { PASSWORD, uniqueEmail } from '../support/fixtures';
import { TestPlatform } from '../support/platform';

const WEBHOOK_SECRET = 'whsec_test_season';

/**
 * `npm run test:season`: the demonstration's driver at small scale (3 sectors, 14 companies, 30 shoppers,
 * a one-minute test period) against the real API and worker of this run, on the real clock, with its
 * assertions: every phase, no 5xx, no e-mail twice, the right winners, every paid entry ranked or marked
 * insufficient, the excluded and the cancelled told, every entrant told once.
 */
describe('a whole season through the public API', () => {
  let platform: TestPlatform;
  let result: SeasonResult;

  beforeAll(async () => {
    process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
    platform = await TestPlatform.start();
    const jury = { email: uniqueEmail('season-jury'), password: PASSWORD };
    await platform.api.get(AccountsService).createJuryUser(jury);
    result = await runSeason({ client: platform.client, inbox: platform.inbox, jury, webhookSecret: WEBHOOK_SECRET }, SMALL_SEASON);
  }, 300_000);

  afterAll(async () => {
    await platform?.close();
    delete process.env.STRIPE_WEBHOOK_SECRET;
  });

  it.each([
    'every phase reached',
    'no 5xx seen by any client',
    'no e-mail sent twice',
    'the clearly best company wins, nobody below the threshold',
    'every paid entry ranked or marked insufficient',
    'the excluded and the cancelled told, once',
    'every entrant told its outcome exactly once',
  ])('%s', (name) => {
    const check = checkSeason(result, platform.client.serverErrors).find((c) => c.name === name);
    expect(check).toBeDefined();
    expect(check!.ok ? 'ok' : check!.detail).toBe('ok');
  });

  it('plays every outcome: a winner, no winner below the threshold, a cancelled category', () => {
    const outcomes = Object.fromEntries(result.palmares.map((c) => [c.code, c.outcome]));
    expect(outcomes).toEqual({ banking: 'WINNER', insurance: 'NO_WINNER', energy: 'CANCELLED' });
    const leader = result.cast.companies.find((c) => c.sector === 'banking' && c.quality > 0.8)!;
    expect(result.palmares.find((c) => c.code === 'banking')!.winners.map((w) => w.companyName)).toEqual([leader.name]);
  });

  it('the jury rejected and the shoppers missed some tasks, and each was redone by another shopper', () => {
    expect(result.counts.rejected + result.counts.missed).toBeGreaterThan(0);
    expect(result.counts.replacements).toBeGreaterThanOrEqual(result.counts.rejected);
    expect(result.counts.approved).toBeGreaterThan(0);
  });
});
