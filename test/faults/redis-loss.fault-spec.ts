import { Queue } from 'bullmq';
import { JobId, QueueName, queueKeyPrefix } from '@app/core';
import { waitFor, type ApiClient } from '@app/simulation';
import type { AppProcess } from './support/app-process';
import { FaultPlatform } from './support/fault-platform';
import { invoiceFigures, mailFigures, report, stepFigures, taskFigures, type Figures, type Tally } from './support/figures';
import { openEditionThroughApi, seedEdition, seedPendingTasks, seedSector, seedShoppersFor } from './support/seasons';

const SECOND = 1000;
/** A running worker rebuilds what a lost Redis held within this bound (docs/rules.md, "Recovery"), plus slack for this machine. */
const RECOVERY_BOUND_MS = 45 * SECOND;

/**
 * Redis killed and restarted empty while the API and a worker run: the calendar's delayed steps, the outbox's
 * retries, the repeating jobs and the queued tasks are gone. Postgres is the source of truth, and the running
 * worker must rebuild from it on its own; a worker started afterwards must not undo an edition already in test.
 */
describe('fault: Redis restarted empty', () => {
  let platform: FaultPlatform;
  let client: ApiClient;
  let worker: AppProcess;
  const startedAt = new Date();
  let inTest: { id: string; sectors: { id: string; entryIds: string[] }[] };
  let open: { id: string; deadline: Date; viable: string; tooSmall: string; unpaidEntry: string; paidEntries: string[] };

  beforeAll(async () => {
    platform = await FaultPlatform.start({ ownRedis: true });
    const { db } = platform;
    const now = Date.now();
    // An edition in its test period, whose close and payment due date are long past.
    const inTestId = await seedEdition(db, 'TESTING', {
      registrationDeadline: new Date(now - 20 * 24 * 3600 * SECOND),
      paymentDueAt: new Date(now - 5 * 24 * 3600 * SECOND),
      testPeriodStart: new Date(now - 60 * SECOND),
      testPeriodEnd: new Date(now + 30 * 60 * SECOND),
    });
    inTest = { id: inTestId, sectors: [] };
    for (let i = 0; i < 2; i++) inTest.sectors.push(await seedSector(db, inTestId, { entries: 4, entryStatus: 'IN_TEST', quota: 20, shoppers: 12 }));
    ({ client } = await platform.startApi('redis-loss-api'));
    worker = await platform.startWorker('redis-loss-worker');
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('a running worker rebuilds the lost queues: steps run once, e-mails delivered, tasks assigned, nothing undone', async () => {
    const { db, inbox, redis } = platform;
    const jury = await platform.jury();
    const companies = await platform.companies(6);
    // An edition the jury opens now, whose deadline, payment due date and test period start come during the scenario.
    const deadline = new Date(Date.now() + 15 * SECOND);
    const opened = await openEditionThroughApi(
      client,
      jury,
      {
        registrationDeadline: deadline,
        paymentDueAt: new Date(deadline.getTime() + 4 * SECOND),
        testPeriodStart: new Date(deadline.getTime() + 8 * SECOND),
        testPeriodEnd: new Date(deadline.getTime() + 30 * 60 * SECOND),
      },
      2,
    );
    for (const categoryId of opened.categoryIds) await seedShoppersFor(db, categoryId, 12);
    open = { id: opened.id, deadline, viable: opened.categoryIds[0], tooSmall: opened.categoryIds[1], unpaidEntry: '', paidEntries: [] };
    inbox.refuseNext = Number.MAX_SAFE_INTEGER; // the e-mails wait in Redis, retrying, when it dies
    for (const [i, company] of companies.entries()) {
      const categoryId = i < 4 ? open.viable : open.tooSmall;
      const entry = await client.expectOk('POST', '/api/entries', {
        body: { categoryId, contactPoints: { PHONE: ['+33 1 23 45 67 89'] } },
        token: company.token,
      });
      if (i === 3) {
        open.unpaidEntry = entry.id;
        continue;
      }
      open.paidEntries.push(entry.id);
      await client.expectOk('POST', `/api/invoices/${entry.invoice.id}/bank-transfers`, {
        body: { amountCents: entry.invoice.totalCents, reference: `VIR-${i}`, receivedAt: new Date().toISOString() },
        token: jury,
      });
    }
    await waitFor(async () => (await db.query(`SELECT count(*)::int AS n FROM notification WHERE attempts > 0`))[0].n > 0, 15 * SECOND, 'e-mails retrying');

    await redis!.kill();
    const health = await client.get('/health');
    expect(health.status).toBe(503);
    expect(health.body.message).toMatch(/redis/i);
    expect(health.body.message).not.toMatch(/database is down/i);
    const began = Date.now();
    const login = await client.post('/api/auth/login', { email: companies[0].email, password: 'not-the-password-1' });
    const loginMs = Date.now() - began;
    expect(login.status).toBe(503);
    expect(login.body.message).toMatch(/try again shortly/);
    // Tasks whose jobs Redis took with it: PENDING in Postgres, in no queue.
    const stranded = await seedPendingTasks(db, inTest.id, { slots: 10, fromSlot: 20 });
    await redis!.restart();
    inbox.refuseNext = 0;
    const restartedAt = Date.now();

    const done = async () =>
      (await db.query(`SELECT status FROM edition WHERE id = $1`, [open.id]))[0].status === 'TESTING' &&
      (await taskFigures(db, open.id)).assigned === 30 &&
      (await taskFigures(db, inTest.id)).stuck === 0 &&
      (await mailFigures(db, inbox, startedAt)).stuck === 0;
    await waitFor(
      done,
      Math.max(open.deadline.getTime() + 8 * SECOND - Date.now(), 0) + RECOVERY_BOUND_MS,
      'the running worker to rebuild from Postgres',
      500,
    ).catch(() => undefined);
    const recoveredMs = Date.now() - restartedAt;

    const figures = await seasonFigures();
    report(
      'Redis restarted empty under a running worker',
      `Redis SIGKILLed with ${(await mailFigures(db, inbox, startedAt)).written} e-mails retrying and the calendar pending, ${stranded} tasks left in no queue; restarted empty (login with Redis down: ${login.status} in ${loginMs} ms; recovered ${Math.round(recoveredMs / SECOND)} s after the restart)`,
      figures,
    );
    expect(await entryStatuses(open.id)).toEqual({
      [open.unpaidEntry]: 'EXCLUDED',
      ...Object.fromEntries(open.paidEntries.slice(0, 3).map((id) => [id, 'IN_TEST'])),
      ...Object.fromEntries(open.paidEntries.slice(3).map((id) => [id, 'EXCLUDED'])),
    });
    expect(await categoryStatuses(open.id)).toEqual({ [open.viable]: 'ACTIVE', [open.tooSmall]: 'CANCELLED' });
    expect(worker.running).toBe(true);
    expect(figures).toEqual({ tasks: clean(), 'e-mails': clean(), steps: clean(), invoices: clean() });
  }, 150_000);

  it('a worker started after Redis lost its data again re-runs the past steps, and they change nothing', async () => {
    const { redis } = platform;
    const before = { inTest: await entryStatuses(inTest.id), open: await entryStatuses(open.id), categories: await categoryStatuses(open.id) };
    await redis!.restart();
    await platform.startWorker('redis-loss-worker-started-after');
    const calendar = new Queue(QueueName.EditionCalendar, {
      connection: { url: redis!.url },
      prefix: queueKeyPrefix(platform.prefix, QueueName.EditionCalendar),
    });
    const tasks = new Queue(QueueName.Tasks, { connection: { url: redis!.url }, prefix: queueKeyPrefix(platform.prefix, QueueName.Tasks) });
    try {
      const [inTestEdition, openEdition] = await Promise.all(
        [inTest.id, open.id].map(async (id) => (await platform.db.query(`SELECT * FROM edition WHERE id = $1`, [id]))[0]),
      );
      const rerun = [
        JobId.calendar(inTest.id, 'registration-close', inTestEdition.registration_deadline),
        JobId.calendar(inTest.id, 'payment-due', inTestEdition.payment_due_at),
        JobId.calendar(open.id, 'registration-close', openEdition.registration_deadline),
        JobId.calendar(open.id, 'payment-due', openEdition.payment_due_at),
      ];
      await waitFor(
        async () => (await Promise.all(rerun.map((id) => calendar.getJobState(id)))).every((s) => s === 'completed'),
        30 * SECOND,
        'the past steps to run again',
      );
      // The digests' e-mails are written by that job: waiting for "nothing pending" before it ran would pass at once.
      await waitFor(
        async () => (await tasks.getJobs(['completed'])).some((job) => job.name === 'send-assignment-digests'),
        30 * SECOND,
        'the re-created digest scheduler to run',
      );
    } finally {
      await Promise.all([calendar.close(), tasks.close()]);
    }
    // The re-created digest scheduler runs at once and tells shoppers of tasks assigned since their last digest.
    await waitFor(async () => (await mailFigures(platform.db, platform.inbox, startedAt)).stuck === 0, 30 * SECOND, 'every e-mail sent', 250).catch(
      () => undefined,
    );
    const figures = await seasonFigures();
    report(
      'worker started after Redis lost its data',
      'Redis restarted empty, then a new worker started: close and payment due of both editions run again',
      figures,
    );
    expect({ inTest: await entryStatuses(inTest.id), open: await entryStatuses(open.id), categories: await categoryStatuses(open.id) }).toEqual(before);
    expect(figures).toEqual({ tasks: clean(), 'e-mails': clean(), steps: clean(), invoices: clean() });
  }, 120_000);

  const clean = () => ({ lost: 0, doubled: 0, stuck: 0 });

  async function entryStatuses(editionId: string): Promise<Record<string, string>> {
    const rows: { id: string; status: string }[] = await platform.db.query(`SELECT id, status FROM entry WHERE edition_id = $1`, [editionId]);
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  }

  async function categoryStatuses(editionId: string): Promise<Record<string, string>> {
    const rows: { id: string; status: string }[] = await platform.db.query(`SELECT id, status FROM category WHERE edition_id = $1`, [editionId]);
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  }

  /** Both editions' figures; what a step must not have done to the edition in test counts as doubled. */
  async function seasonFigures(): Promise<Figures> {
    const { db, inbox } = platform;
    const [undone] = await db.query(
      `SELECT (SELECT count(*) FROM category WHERE edition_id = $1 AND status <> 'ACTIVE')::int
            + (SELECT count(*) FROM entry WHERE edition_id = $1 AND status <> 'IN_TEST')::int
            + (SELECT count(*) FROM invoice WHERE edition_id = $1)::int AS n`,
      [inTest.id],
    );
    const sum = (...tallies: Tally[]): Tally =>
      tallies.reduce((a, t) => ({ lost: a.lost + t.lost, doubled: a.doubled + t.doubled, stuck: a.stuck + t.stuck }), clean());
    const tasks = sum(await taskFigures(db, open.id), await taskFigures(db, inTest.id));
    const mails = await mailFigures(db, inbox, startedAt);
    const steps = sum(await stepFigures(db, open.id, ['OPEN→CLOSED', 'CLOSED→TESTING']), await stepFigures(db, inTest.id, [], undone.n));
    const invoices = await invoiceFigures(db, open.id);
    return {
      tasks: { lost: tasks.lost, doubled: tasks.doubled, stuck: tasks.stuck },
      'e-mails': { lost: mails.lost, doubled: mails.doubled, stuck: mails.stuck },
      steps,
      invoices: { lost: invoices.lost, doubled: invoices.doubled, stuck: invoices.stuck },
    };
  }
});
