import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { CategoriesService } from '@app/contest';
import { AppConfig, CoreModule, createQueueConnection, queueJobOptions, queueKeyPrefix, SectorQueues, sectorQueueName } from '@app/core';
import { RegistrationModule } from '@app/registration';
import { ASSIGN_BATCH, ShoppersModule, TaskAssignment, TaskGeneration } from '@app/shoppers';
import { SectorWorkers } from '../../worker/src/shoppers/sector-workers';
import { describeFleet, startFleet, type Fleet } from './app-processes';
import { openBenchEnvironment } from './bench-environment';

/**
 * `npm run bench:assignment`: a national season — 40 sectors, 1,000 entries (25 per sector), 225 tasks each
 * (225,000 tasks), 2,000 shoppers qualified for 1–3 sectors — seeded in SQL, then task generation timed, then
 * assignment through the 40 sector queues by in-process BullMQ workers (SectorWorkers, ASSIGNMENT_CONCURRENCY
 * per queue) timed; then, in the same run, the same jobs through a no-op processor on the same queues (the
 * ceiling). `BENCH_SCALE` (0 < s ≤ 1) shrinks entries and shoppers.
 */
const SCALE = Math.min(1, Math.max(0.001, Number(process.env.BENCH_SCALE ?? 1)));
const SECTORS = 40;
const ENTRIES_PER_SECTOR = Math.max(3, Math.round(25 * SCALE));
// At least 15 per sector on average: a company's 225 tasks at a rotation limit of 22 need 11 shoppers of its sector.
const SHOPPERS = Math.max(SECTORS * 15, Math.round(2000 * SCALE));
const QUOTAS = { PHONE: 125, EMAIL: 45, WEB: 30, CHAT: 15, SOCIAL: 10 };
const TASKS_PER_ENTRY = Object.values(QUOTAS).reduce((a, b) => a + b, 0);

/**
 * Task generation and assignment only: the bench drives the sector workers itself. Registration comes along
 * because tasks refer to entries (an entity's foreign keys need the entities they point at).
 */
@Module({ imports: [CoreModule, RegistrationModule, ShoppersModule] })
class AssignmentBenchModule {}

export async function benchAssignment(): Promise<void> {
  const environment = await openBenchEnvironment();
  const { base, databaseUrl, queuePrefix } = environment;
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: queuePrefix,
    SMTP_URL: environment.smtpUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    WORKER_SECTORS: '',
  });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | null = null;
  try {
    let t = Date.now();
    const { editionId, codes } = await seed(pool);
    const [{ n: tasksExpected }] = (await pool.query(`SELECT sum(1)::int * ${TASKS_PER_ENTRY} AS n FROM entry`)).rows;
    console.log(`seeded ${SECTORS} sectors, ${SECTORS * ENTRIES_PER_SECTOR} entries, ${SHOPPERS} shoppers in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    app = await NestFactory.createApplicationContext(AssignmentBenchModule, { logger: ['error', 'warn'] });
    await app.init();
    const config = app.get(AppConfig);
    const assignment = app.get(TaskAssignment);

    t = Date.now();
    const { created } = await app.get(TaskGeneration).generateForEdition(editionId);
    const generationMs = Date.now() - t;
    if (created !== tasksExpected) throw new Error(`generated ${created} tasks, expected ${tasksExpected}`);
    const jobs = await countJobs(config, codes);

    t = Date.now();
    // BENCH_PROCESSES=n: n built worker processes (dist/apps/worker/main.js) instead of in-process workers.
    const processes = Number(process.env.BENCH_PROCESSES ?? 0);
    let fleet: Fleet | null = null;
    const workers = new SectorWorkers(config, assignment, app.get(CategoriesService), app.get(SectorQueues));
    if (processes > 0) {
      fleet = await startFleet({ ...process.env, WORKER_SECTORS: codes.join(',') }, { apis: 0, workers: processes });
    } else {
      workers.serve(codes);
    }
    const pending = async () => (await pool.query(`SELECT count(*)::int AS n FROM task WHERE status = 'PENDING'`)).rows[0].n as number;
    let left = created;
    let lastLog = Date.now();
    while ((left = await pending()) > 0) {
      if (Date.now() - t > 15 * 60_000) throw new Error(`assignment stuck: ${left} task(s) still PENDING`);
      if (Date.now() - lastLog > 10_000) {
        console.log(`  … ${created - left} assigned after ${((Date.now() - t) / 1000).toFixed(0)} s`);
        lastLog = Date.now();
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const assignmentMs = Date.now() - t;
    await workers.close();
    await fleet?.stop();

    // The ceiling: the same number of jobs of the same size on the same queues, a processor that does nothing.
    const ids = (await pool.query(`SELECT t.id, c.code FROM task t JOIN category c ON c.id = t.category_id ORDER BY t.id`)).rows as {
      id: string;
      code: string;
    }[];
    const byCode = new Map<string, string[]>();
    for (const r of ids) (byCode.get(r.code) ?? byCode.set(r.code, []).get(r.code)!).push(r.id);
    const shared = createQueueConnection(config);
    const noopPrefix = (code: string) => queueKeyPrefix(`${queuePrefix}-noop`, sectorQueueName(code));
    const noopQueues = codes.map((code) => new Queue(sectorQueueName(code), { connection: shared.connection, prefix: noopPrefix(code) }));
    await Promise.all(
      codes.map(async (code, i) => {
        const list = byCode.get(code) ?? [];
        const batch = [];
        for (let k = 0; k < list.length; k += ASSIGN_BATCH)
          batch.push({ name: 'assign-tasks', data: { taskIds: list.slice(k, k + ASSIGN_BATCH) }, opts: queueJobOptions(sectorQueueName(code), 1000) });
        await noopQueues[i].addBulk(batch);
      }),
    );
    let noopDone = 0;
    t = Date.now();
    const noop = codes.map(
      (code) =>
        new Worker(sectorQueueName(code), async (job) => void (noopDone += (job.data as { taskIds: string[] }).taskIds.length), {
          connection: shared.connection,
          prefix: noopPrefix(code),
          concurrency: base.ASSIGNMENT_CONCURRENCY,
        }),
    );
    while (noopDone < created) await new Promise((r) => setTimeout(r, 20));
    const noopMs = Date.now() - t;
    await Promise.all([...noop.map((w) => w.close()), ...noopQueues.map((q) => q.close())]);
    await shared.close();

    const check = (
      await pool.query(`
      SELECT (SELECT count(*) FROM task WHERE status = 'ASSIGNED')::int AS assigned,
             (SELECT count(*) FROM (SELECT 1 FROM task t JOIN shopper s ON s.user_id = t.shopper_id WHERE t.status = 'ASSIGNED'
                GROUP BY t.shopper_id, t.week_start, s.weekly_capacity HAVING count(*) > s.weekly_capacity) x)::int AS over_capacity,
             (SELECT count(*) FROM (SELECT 1 FROM task WHERE status = 'ASSIGNED' GROUP BY shopper_id, company_id HAVING count(*) > ${Math.max(1, Math.floor(TASKS_PER_ENTRY / 10))}) x)::int AS over_rotation`)
    ).rows[0];

    const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);
    console.log('');
    console.log(
      `tasks: ${created} (${SECTORS} sectors × ${ENTRIES_PER_SECTOR} entries × ${TASKS_PER_ENTRY}), shoppers: ${SHOPPERS}, jobs: ${jobs} of ≤ ${ASSIGN_BATCH} ids, concurrency ${base.ASSIGNMENT_CONCURRENCY} per sector queue, ${fleet ? describeFleet(fleet) : 'in-process workers'}`,
    );
    console.log(`generation (insert + enqueue): ${(generationMs / 1000).toFixed(1)} s, ${rate(created, generationMs)} tasks/s`);
    console.log(
      `assignment through the sector queues: ${(assignmentMs / 1000).toFixed(1)} s, ${rate(created, assignmentMs)} tasks/s (target: whole season < 120 s)`,
    );
    console.log(
      `no-op processor, same queues and jobs: ${(noopMs / 1000).toFixed(1)} s, ${rate(created, noopMs)} tasks/s; assignment / no-op = ${(noopMs / assignmentMs).toFixed(3)}`,
    );
    console.log(
      `checks: assigned ${check.assigned}/${created}, shopper-weeks over capacity ${check.over_capacity}, shopper-companies over rotation ${check.over_rotation}`,
    );
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    await app?.close();
    await pool.end();
    await environment.close();
  }
}

async function countJobs(config: AppConfig, codes: string[]): Promise<number> {
  let total = 0;
  const shared = createQueueConnection(config);
  for (const code of codes) {
    const q = new Queue(sectorQueueName(code), { connection: shared.connection, prefix: queueKeyPrefix(config.QUEUE_PREFIX, sectorQueueName(code)) });
    total += await q.getJobCountByTypes('waiting', 'delayed', 'prioritized');
    await q.close();
  }
  await shared.close();
  return total;
}

/** The season in SQL: an edition in TESTING over ten weeks, its sectors, companies with a user, entries IN_TEST, shoppers. */
async function seed(pool: Pool): Promise<{ editionId: string; codes: string[] }> {
  const start = new Date('2031-03-02T23:00:00Z'); // Monday 3 March 2031, Paris
  const end = new Date(start.getTime() + 70 * 24 * 3600_000);
  const {
    rows: [edition],
  } = await pool.query(
    `INSERT INTO edition (year, name, timezone, status, registration_opens_at, registration_deadline, payment_due_at, test_period_start, test_period_end, results_publish_at)
     VALUES (2031, 'Élu Service Client 2031 (bench)', 'Europe/Paris', 'TESTING', $1, $2, $2, $3, $4, $5) RETURNING id`,
    [new Date(start.getTime() - 90 * 86_400_000), new Date(start.getTime() - 30 * 86_400_000), start, end, new Date(end.getTime() + 60 * 86_400_000)],
  );
  const codes = Array.from({ length: SECTORS }, (_, i) => `sector-${String(i + 1).padStart(2, '0')}`);
  const scenarios = Object.keys(QUOTAS).flatMap((channel) => [1, 2, 3].map((k) => ({ channel, text: `Scénario ${channel} n° ${k}` })));
  await pool.query(
    `INSERT INTO category (edition_id, code, name, entry_fee_cents, licence_fee_cents, quotas, weights, grids, scenarios)
     SELECT $1, code, 'Secteur ' || code, 1368000, 2160000, $3, '{"PHONE":40,"EMAIL":20,"WEB":20,"CHAT":10,"SOCIAL":10}', '{}', $4 FROM unnest($2::text[]) AS code`,
    [edition.id, codes, JSON.stringify(QUOTAS), JSON.stringify(scenarios)],
  );
  const companies = SECTORS * ENTRIES_PER_SECTOR;
  await pool.query(
    `INSERT INTO company (legal_name, siren, country, billing_address)
     SELECT 'Entreprise ' || i, lpad(i::text, 9, '0'), 'FR', '1 rue de la Paix, Paris' FROM generate_series(1, $1) AS i`,
    [companies],
  );
  await pool.query(
    `INSERT INTO app_user (email, password_hash, role, company_id)
     SELECT 'contact@co' || ltrim(c.siren, '0') || '.fr', 'x', 'COMPANY', c.id FROM company c`,
  );
  const contactPoints = {
    PHONE: ['+33 1 00 00 00 01', '+33 1 00 00 00 02'],
    EMAIL: ['sc@example.fr'],
    WEB: ['https://example.fr/contact'],
    CHAT: ['https://example.fr/chat'],
    SOCIAL: ['@example'],
  };
  await pool.query(
    `INSERT INTO entry (edition_id, category_id, company_id, status, contact_points, confirmed_at)
     SELECT $1, cat.id, c.id, 'IN_TEST', $2, now()
       FROM (SELECT id, row_number() OVER (ORDER BY siren) - 1 AS n FROM company) c
       JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM category) cat ON cat.k = c.n % ${SECTORS}`,
    [edition.id, JSON.stringify(contactPoints)],
  );
  // Shopper i: sector i mod 40, plus up to two more; capacity 40 a week leaves room for every task.
  await pool.query(
    `WITH u AS (
       INSERT INTO app_user (email, password_hash, role, name)
       SELECT 'shopper' || i || '@shoppers.bench', 'x', 'SHOPPER', 'Shopper ' || i FROM generate_series(0, $1 - 1) AS i RETURNING id, name)
     INSERT INTO shopper (user_id, name, sectors, weekly_capacity)
     SELECT u.id, u.name,
            (SELECT array_agg(DISTINCT ($2::text[])[((n + k * (7 + n % 11)) % ${SECTORS}) + 1]) FROM generate_series(0, n % 3) AS k),
            40
       FROM (SELECT id, name, substring(name from 9)::int AS n FROM u) u`,
    [SHOPPERS, codes],
  );
  await pool.query('ANALYZE');
  return { editionId: edition.id, codes };
}
