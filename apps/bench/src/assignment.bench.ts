import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { Role } from '@app/accounts';
import { CategoriesService, EditionStatus } from '@app/contest';
import { AppConfig, CoreModule, createQueueConnection, queueJobOptions, queueKeyPrefix, SectorQueues, sectorQueueName, type QueueConnection } from '@app/core';
import { EntryStatus, RegistrationModule } from '@app/registration';
import { ASSIGN_BATCH, ShoppersModule, TaskAssignment, TaskGeneration, TaskStatus } from '@app/shoppers';
import { waitFor } from '@app/simulation';
import { SectorWorkers } from '../../worker/src/shoppers/sector-workers';
import { startFleet, describeFleet, type Fleet } from './app-processes';
import { benchPool, openBenchEnvironment } from './bench-environment';

/**
 * `npm run bench:assignment`: a national season — 40 sectors, 1,000 entries (25 per sector), 225 tasks each
 * (225,000 tasks), 2,000 shoppers qualified for 1–3 sectors, some with a conflict of interest declared or working at
 * a company of their sector — seeded in SQL. The sector queues are paused while the workers start (in-process
 * SectorWorkers, or `BENCH_PROCESSES` built worker processes) and task generation runs (timed); the clock of the
 * assignment starts when they resume and stops when no task is PENDING. Then, in the same run, two ceilings over
 * the same rows: the bare SQL assignment (the same task → shopper pairs written by one `UPDATE … FROM`) and a no-op
 * BullMQ processor with one job per task on the same 40 queues. Capacity, rotation, conflicts of interest, sectors
 * and the load counters are checked from the database. `BENCH_SCALE` (0 < s ≤ 1) shrinks entries and shoppers.
 */
const SCALE = Math.min(1, Math.max(0.001, Number(process.env.BENCH_SCALE ?? 1)));
const SECTORS = 40;
const ENTRIES_PER_SECTOR = Math.max(3, Math.round(25 * SCALE));
// At least 15 per sector on average: a company's 225 tasks at a rotation limit of 22 need 11 shoppers of its sector.
const SHOPPERS = Math.max(SECTORS * 15, Math.round(2000 * SCALE));
const QUOTAS = { PHONE: 125, EMAIL: 45, WEB: 30, CHAT: 15, SOCIAL: 10 };
const TASKS_PER_ENTRY = Object.values(QUOTAS).reduce((a, b) => a + b, 0);
/** The season's goal (issue 14): every task assigned within this. */
const GOAL_MS = 10_000;

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
  const pool = benchPool(databaseUrl, 4);
  // The bench's own queues go through the same connection maker as the apps' (one Redis or the run's cluster).
  const shared = createQueueConnection(base);
  // BENCH_PROCESSES=n: n built worker processes (dist/apps/worker/main.js) instead of in-process workers.
  const processes = Number(process.env.BENCH_PROCESSES ?? 0);
  const sectorMode = process.env.BENCH_SECTORS ?? 'split';
  if (sectorMode !== 'split' && sectorMode !== 'shared') throw new Error(`BENCH_SECTORS must be split or shared, not ${sectorMode}`);
  const splitSectors = sectorMode === 'split';
  let fleet: Fleet | null = null;
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | null = null;
  let workers: SectorWorkers | null = null;
  try {
    let t = Date.now();
    const { editionId, codes } = await seed(pool);
    const [{ n: tasksExpected }] = (await pool.query(`SELECT sum(1)::int * ${TASKS_PER_ENTRY} AS n FROM entry`)).rows;
    console.log(`seeded ${SECTORS} sectors, ${SECTORS * ENTRIES_PER_SECTOR} entries, ${SHOPPERS} shoppers in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    app = await NestFactory.createApplicationContext(AssignmentBenchModule, { logger: ['error', 'warn'] });
    await app.init();
    const config = app.get(AppConfig);

    // Held back while the workers start and generation queues the season: the clock measures assignment only.
    const queues = codes.map(
      (code) => new Queue(sectorQueueName(code), { connection: shared.connection, prefix: queueKeyPrefix(queuePrefix, sectorQueueName(code)) }),
    );
    await Promise.all(queues.map((q) => q.pause()));
    if (processes > 0) {
      // The one worker's 20 connections shared among the processes (unless DATABASE_POOL_SIZE says otherwise): on this
      // machine's Postgres, more assignment transactions at once only wait on each other (60 at once: 12 s, 21: 8.6 s).
      const poolSize = process.env.DATABASE_POOL_SIZE ?? String(Math.ceil(20 / processes));
      // BENCH_SECTORS=split (the default): each process serves its share of the sectors (WORKER_SECTORS, as
      // docs/operations.md advises); shared: every process serves every sector, and they take each other's jobs.
      const sectorsOf = (i: number) => (splitSectors ? codes.filter((_, k) => k % processes === i) : codes).join(',');
      fleet = await startFleet({ ...process.env, DATABASE_POOL_SIZE: poolSize }, { apis: 0, workers: processes }, (i) => ({ WORKER_SECTORS: sectorsOf(i) }));
    } else {
      workers = new SectorWorkers(config, app.get(TaskAssignment), app.get(CategoriesService), app.get(SectorQueues));
      workers.serve(codes);
    }
    const servedBy = processes > 0 && !splitSectors ? processes : 1;
    await waitFor(async () => (await Promise.all(queues.map((q) => q.getWorkersCount()))).every((n) => n >= servedBy), 60_000, 'workers');

    t = Date.now();
    const { created } = await app.get(TaskGeneration).generateForEdition(editionId);
    const generationMs = Date.now() - t;
    if (created !== tasksExpected) throw new Error(`generated ${created} tasks, expected ${tasksExpected}`);
    const jobs = (await Promise.all(queues.map((q) => q.getJobCountByTypes('waiting', 'delayed', 'prioritized')))).reduce((a, b) => a + b, 0);

    t = Date.now();
    await Promise.all(queues.map((q) => q.resume()));
    let lastLog = Date.now();
    for (let left = created; (left = await countPending(pool)) > 0;) {
      if (Date.now() - t > 15 * 60_000) throw new Error(`assignment stuck: ${left} task(s) still PENDING`);
      if (Date.now() - lastLog > 10_000) {
        console.log(`  … ${created - left} assigned after ${((Date.now() - t) / 1000).toFixed(0)} s`);
        lastLog = Date.now();
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const assignmentMs = Date.now() - t;
    await workers?.close();
    await fleet?.stop();
    const retries = await failedAttempts(queues);
    await Promise.all(queues.map((q) => q.close()));
    const check = await checkRules(pool);

    const bareMs = await bareAssignment(pool);
    const noopMs = await perTaskNoop(pool, codes, shared, `${queuePrefix}-noop`, base.ASSIGNMENT_CONCURRENCY);

    const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);
    const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log('');
    console.log(
      `tasks: ${created} (${SECTORS} sectors × ${ENTRIES_PER_SECTOR} entries × ${TASKS_PER_ENTRY}), shoppers: ${SHOPPERS}, jobs: ${jobs} of ≤ ${ASSIGN_BATCH} ids, concurrency ${config.ASSIGNMENT_CONCURRENCY} per sector queue, ${fleet ? `${describeFleet(fleet)}, pool of ${process.env.DATABASE_POOL_SIZE ?? Math.ceil(20 / processes)} each, sectors ${sectorMode}` : 'in-process workers'}`,
    );
    console.log(`generation (insert + enqueue): ${secs(generationMs)}, ${rate(created, generationMs)} tasks/s`);
    console.log(`failed attempts retried by BullMQ: ${retries.count}${retries.reasons.length > 0 ? ` (${retries.reasons.join('; ')})` : ''}`);
    console.log(
      `assignment through the sector queues: ${secs(assignmentMs)}, ${rate(created, assignmentMs)} tasks/s (goal: ≤ ${secs(GOAL_MS)}: ${assignmentMs <= GOAL_MS ? 'met' : 'missed'})`,
    );
    console.log(
      `ceiling, bare SQL (the same pairs in one UPDATE … FROM): ${secs(bareMs)}, ${rate(created, bareMs)} tasks/s; assignment / bare SQL = ${(assignmentMs / bareMs).toFixed(2)}×`,
    );
    console.log(
      `ceiling, no-op BullMQ processor (one job per task, same 40 queues, in-process): ${secs(noopMs)}, ${rate(created, noopMs)} jobs/s; assignment / per-task no-op = ${(assignmentMs / noopMs).toFixed(2)}×`,
    );
    console.log(
      `checks: assigned ${check.assigned}/${created}; violations: over capacity ${check.over_capacity} shopper-weeks, over rotation ${check.over_rotation} shopper-companies, conflicts of interest ${check.conflicted} tasks (SIREN or e-mail domain), outside the shopper's sectors ${check.outside_sector}, counters off ${check.counters_off}`,
    );
    console.log(`peak RSS (bench process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    await workers?.close();
    await fleet?.stop();
    await app?.close();
    await shared.close();
    await pool.end();
    await environment.close();
  }
}

const countPending = async (pool: Pool) =>
  (await pool.query(`SELECT count(*)::int AS n FROM task WHERE status = $1`, [TaskStatus.Pending])).rows[0].n as number;

/** How many job attempts failed (each retried with back-off, which stretches the tail), and their distinct reasons. */
async function failedAttempts(queues: Queue[]): Promise<{ count: number; reasons: string[] }> {
  const jobs = (await Promise.all(queues.map((q) => q.getJobs(['completed', 'failed', 'delayed', 'waiting'])))).flat();
  const errors = jobs.flatMap((job) => job.stacktrace ?? []).map((stack) => stack.split('\n')[0]);
  return { count: errors.length, reasons: [...new Set(errors)].slice(0, 5) };
}

/** The rulebook's rules, counted from the database: every count but `assigned` must be 0. */
async function checkRules(pool: Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query(
    `WITH a AS (SELECT * FROM task WHERE status = $1)
     SELECT (SELECT count(*) FROM a)::int AS assigned,
            (SELECT count(*) FROM (SELECT 1 FROM a JOIN shopper s ON s.user_id = a.shopper_id
               GROUP BY a.shopper_id, a.week_start, s.weekly_capacity HAVING count(*) > s.weekly_capacity) x)::int AS over_capacity,
            (SELECT count(*) FROM (SELECT a.shopper_id, a.company_id, a.edition_id, count(*) AS n FROM a GROUP BY 1, 2, 3) held
               JOIN (SELECT company_id, edition_id, greatest(1, count(*) / 10) AS lim FROM task WHERE replaces_task_id IS NULL GROUP BY 1, 2) r
                 USING (company_id, edition_id)
              WHERE held.n > r.lim)::int AS over_rotation,
            (SELECT count(*) FROM a JOIN company co ON co.id = a.company_id JOIN app_user su ON su.id = a.shopper_id
              WHERE EXISTS (SELECT 1 FROM shopper_conflict sc WHERE sc.shopper_id = a.shopper_id AND sc.siren = co.siren)
                 OR EXISTS (SELECT 1 FROM app_user cu WHERE cu.company_id = co.id
                             AND lower(split_part(cu.email, '@', 2)) = lower(split_part(su.email, '@', 2))))::int AS conflicted,
            (SELECT count(*) FROM a JOIN category c ON c.id = a.category_id JOIN shopper s ON s.user_id = a.shopper_id
              WHERE NOT c.code = ANY(s.sectors))::int AS outside_sector,
            ((SELECT count(*) FROM (SELECT shopper_id, week_start, count(*) AS n FROM a GROUP BY 1, 2) x
               FULL JOIN (SELECT * FROM shopper_week_load WHERE assigned > 0) l USING (shopper_id, week_start)
              WHERE x.n IS DISTINCT FROM l.assigned)
            + (SELECT count(*) FROM (SELECT shopper_id, company_id, edition_id, count(*) AS n FROM a GROUP BY 1, 2, 3) x
               FULL JOIN (SELECT * FROM shopper_company_load WHERE assigned > 0) l USING (shopper_id, company_id, edition_id)
              WHERE x.n IS DISTINCT FROM l.assigned))::int AS counters_off`,
    [TaskStatus.Assigned],
  );
  return rows[0];
}

/**
 * Ceiling (a): the pairs the run chose, put back to PENDING (untimed, then vacuumed), written again by one bare
 * `UPDATE … FROM unnest(…)` — no rule, no counter, no queue. Leaves the tasks as the run assigned them.
 */
async function bareAssignment(pool: Pool): Promise<number> {
  const { rows } = await pool.query(`SELECT id, shopper_id FROM task WHERE status = $1`, [TaskStatus.Assigned]);
  await pool.query(`UPDATE task SET status = $1, shopper_id = NULL, assigned_at = NULL WHERE status = $2`, [TaskStatus.Pending, TaskStatus.Assigned]);
  await pool.query('VACUUM ANALYZE task');
  const t = Date.now();
  await pool.query(
    `UPDATE task SET status = $1, shopper_id = v.s, assigned_at = now(), digest_sent_at = NULL
       FROM unnest($2::uuid[], $3::uuid[]) AS v(id, s) WHERE task.id = v.id`,
    [TaskStatus.Assigned, rows.map((r) => r.id), rows.map((r) => r.shopper_id)],
  );
  return Date.now() - t;
}

/**
 * Ceiling (b): one `assign-tasks` job per task (queued untimed, under another prefix) through a processor that
 * does nothing, with the sector workers' concurrency on the same 40 queues.
 */
async function perTaskNoop(pool: Pool, codes: string[], shared: QueueConnection, environment: string, concurrency: number): Promise<number> {
  const options = (code: string) => ({ connection: shared.connection, prefix: queueKeyPrefix(environment, sectorQueueName(code)) });
  const { rows } = await pool.query(`SELECT t.id, c.code FROM task t JOIN category c ON c.id = t.category_id ORDER BY t.id`);
  const byCode = new Map<string, string[]>();
  for (const r of rows) (byCode.get(r.code) ?? byCode.set(r.code, []).get(r.code)!).push(r.id);
  const queues = codes.map((code) => new Queue(sectorQueueName(code), options(code)));
  await Promise.all(
    codes.map(async (code, i) => {
      const ids = byCode.get(code) ?? [];
      for (let k = 0; k < ids.length; k += 1000) {
        await queues[i].addBulk(
          ids.slice(k, k + 1000).map((id) => ({ name: 'assign-tasks', data: { taskIds: [id] }, opts: queueJobOptions(sectorQueueName(code), 1000) })),
        );
      }
    }),
  );
  let done = 0;
  const t = Date.now();
  const workers = codes.map((code) => new Worker(sectorQueueName(code), async () => void done++, { ...options(code), concurrency }));
  while (done < rows.length) await new Promise((r) => setTimeout(r, 20));
  const ms = Date.now() - t;
  await Promise.all([...workers.map((w) => w.close()), ...queues.map((q) => q.close())]);
  return ms;
}

/**
 * The season in SQL: an edition in TESTING over ten weeks, its sectors, companies with a user, entries IN_TEST,
 * shoppers. Company k (1-based, SIREN k) is in sector (k - 1) mod 40, its user at the domain co<k>.fr. Shopper n is
 * in sector n mod 40 plus up to two more; one in five declares a conflict with company (n mod companies) + 1, and
 * one in ten (n ≡ 5 mod 10) has an e-mail at that company's domain: both are companies of the shopper's sector.
 */
async function seed(pool: Pool): Promise<{ editionId: string; codes: string[] }> {
  const start = new Date('2031-03-02T23:00:00Z'); // Monday 3 March 2031, Paris
  const end = new Date(start.getTime() + 70 * 24 * 3600_000);
  const {
    rows: [edition],
  } = await pool.query(
    `INSERT INTO edition (year, name, timezone, status, registration_opens_at, registration_deadline, payment_due_at, test_period_start, test_period_end, results_publish_at)
     VALUES (2031, 'Élu Service Client 2031 (bench)', 'Europe/Paris', $6, $1, $2, $2, $3, $4, $5) RETURNING id`,
    [
      new Date(start.getTime() - 90 * 86_400_000),
      new Date(start.getTime() - 30 * 86_400_000),
      start,
      end,
      new Date(end.getTime() + 60 * 86_400_000),
      EditionStatus.Testing,
    ],
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
     SELECT 'contact@co' || ltrim(c.siren, '0') || '.fr', 'x', $1, c.id FROM company c`,
    [Role.Company],
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
     SELECT $1, cat.id, c.id, $3, $2, now()
       FROM (SELECT id, row_number() OVER (ORDER BY siren) - 1 AS n FROM company) c
       JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM category) cat ON cat.k = c.n % ${SECTORS}`,
    [edition.id, JSON.stringify(contactPoints), EntryStatus.InTest],
  );
  // Capacity 40 a week leaves room for every task.
  await pool.query(
    `WITH u AS (
       INSERT INTO app_user (email, password_hash, role, name)
       SELECT 'shopper' || i || CASE WHEN i % 10 = 5 THEN '@co' || (i % $3 + 1) || '.fr' ELSE '@shoppers.bench' END, 'x', $4, 'Shopper ' || i
         FROM generate_series(0, $1 - 1) AS i RETURNING id, name)
     INSERT INTO shopper (user_id, name, sectors, weekly_capacity)
     SELECT u.id, u.name,
            (SELECT array_agg(DISTINCT ($2::text[])[((n + k * (7 + n % 11)) % ${SECTORS}) + 1]) FROM generate_series(0, n % 3) AS k),
            40
       FROM (SELECT id, name, substring(name from 9)::int AS n FROM u) u`,
    [SHOPPERS, codes, companies, Role.Shopper],
  );
  await pool.query(
    `INSERT INTO shopper_conflict (shopper_id, siren, reason)
     SELECT s.user_id, lpad((substring(s.name from 9)::int % $1 + 1)::text, 9, '0'), 'ancien salarié'
       FROM shopper s WHERE substring(s.name from 9)::int % 5 = 0`,
    [companies],
  );
  await pool.query('ANALYZE');
  return { editionId: edition.id, codes };
}
