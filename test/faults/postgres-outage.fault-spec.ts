import { sleep, waitFor, type ApiClient, type ApiResponse } from '@app/simulation';
import { FaultPlatform } from './support/fault-platform';
import { invoiceFigures, mailFigures, report } from './support/figures';
import { seedEdition, seedSector } from './support/seasons';

const SECOND = 1000;
const CUT_MS = 6 * SECOND;

/**
 * Postgres cut off from the API and the worker (a partition: a TCP proxy that stops forwarding) in the middle of a
 * registration burst, then restored. During the cut every request answers 503 "the database is unavailable, try
 * again shortly" within the configured timeouts instead of hanging, and /health names the database; afterwards the
 * companies retry, and every one ends with one entry, one invoice in a gapless sequence and its e-mail.
 */
describe('fault: Postgres cut off during a registration burst', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start({ databaseProxy: true });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('answers 503 quickly while cut, and loses or doubles nothing once restored', async () => {
    const { db, proxy } = platform;
    const since = new Date();
    const now = Date.now();
    const editionId = await seedEdition(db, 'OPEN', {
      registrationDeadline: new Date(now + 3600 * SECOND),
      paymentDueAt: new Date(now + 7200 * SECOND),
      testPeriodStart: new Date(now + 8000 * SECOND),
      testPeriodEnd: new Date(now + 9000 * SECOND),
    });
    const category = await seedSector(db, editionId, { entries: 0, entryStatus: 'CONFIRMED', quota: 10, shoppers: 0 });
    const timeouts = { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '2000' };
    const { client } = await platform.startApi('postgres-outage-api', timeouts);
    await platform.startWorker('postgres-outage-worker', timeouts);
    const companies = await platform.companies(40);
    const register = (token: string) => client.post('/api/entries', { categoryId: category.id, contactPoints: { PHONE: ['+33 1 23 45 67 89'] } }, token);

    // The burst: 40 companies register, 8 at a time; the cut comes after the first wave.
    const answers: { status: number; duringCut: boolean; message?: string }[] = [];
    const burst = (async () => {
      for (let i = 0; i < companies.length; i += 8) {
        await Promise.all(
          companies.slice(i, i + 8).map(async (c) => {
            const response = await register(c.token);
            answers.push({ status: response.status, duringCut: proxy!.isCut, message: response.body?.message });
          }),
        );
      }
    })();
    await waitFor(() => answers.length >= 8, 20 * SECOND, 'the first wave');
    proxy!.cut();
    const health = await client.get('/health');
    await sleep(CUT_MS);
    const answeredDuringCut = answers.filter((a) => a.duringCut);
    proxy!.restore();
    await burst;

    // What a user does on "try again shortly": try again. A 409 means the first try had committed after all.
    const retried = await retryUntilRegistered(client, companies, register);
    await waitFor(async () => (await mailFigures(db, platform.inbox, since)).stuck === 0, 30 * SECOND, 'every e-mail sent', 250).catch(() => undefined);

    const [entries] = await db.query(`SELECT count(*)::int AS n, count(DISTINCT company_id)::int AS companies FROM entry WHERE edition_id = $1`, [editionId]);
    const invoices = await invoiceFigures(db, editionId);
    const mails = await mailFigures(db, platform.inbox, since);
    const errors = answers.filter((a) => a.status >= 500 && a.status !== 503).length;
    report(
      'Postgres cut off during a registration burst',
      `partition of ${CUT_MS / SECOND} s (connect timeout 1 s, statement timeout 2 s): ${answeredDuringCut.length} requests answered 503 during the cut, ${errors} other 5xx; ${retried} retried after it; an e-mail counted doubled was resent with the same Message-ID`,
      {
        invoices,
        'e-mails': mails,
        requests: { lost: companies.length - entries.companies, doubled: entries.n - entries.companies, stuck: 0 },
      },
    );
    expect(health.status).toBe(503);
    expect(health.body.message).toMatch(/^database is down/);
    expect(answeredDuringCut.length).toBeGreaterThan(0); // answered while still cut: nothing hangs for the cut's length
    for (const a of answeredDuringCut) expect(a).toMatchObject({ status: 503, message: 'the database is unavailable, try again shortly' });
    expect(errors).toBe(0);
    expect(entries).toEqual({ n: 40, companies: 40 });
    expect(invoices).toEqual({ issued: 40, lost: 0, doubled: 0, stuck: 0 });
    // A send that SMTP accepted while Postgres could not record it is sent again with the same Message-ID
    // (at-least-once, docs/rules.md): counted as doubled, allowed, and recognisable by the receiving server.
    expect(mails).toMatchObject({ lost: 0, stuck: 0 });
  }, 120_000);
});

/** Registers again every company that has no entry yet; returns how many needed it. */
async function retryUntilRegistered(
  client: ApiClient,
  companies: { id: string; token: string }[],
  register: (token: string) => Promise<ApiResponse>,
): Promise<number> {
  let retried = 0;
  for (const company of companies) {
    const mine = await client.get('/api/entries', company.token);
    if (mine.status === 200 && mine.body.length > 0) continue;
    retried++;
    await waitFor(async () => [201, 409].includes((await register(company.token)).status), 20 * SECOND, 'a registration after the restore', 500);
  }
  return retried;
}
