import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { AppConfig, SectorQueues } from '@app/core';
import { AssignmentDigests, TaskAssignment, TaskGeneration } from '@app/shoppers';
import { CategoriesService } from '@app/contest';
import { SectorWorkers } from '../apps/worker/src/shoppers/sector-workers';
import { TestPlatform } from './support/platform';
import { seedCategory, seedEntry, seedShopper, seedTestingEdition } from './support/tasks-fixtures';
import { sleep, waitFor } from '@app/simulation';

/**
 * Assignment under concurrency, through the sector queues: in-process BullMQ workers, then worker processes,
 * one of them killed with SIGKILL in the middle. Checked from the database: no task twice, no shopper over
 * capacity or rotation, counters equal to the tasks they count, every assignable task assigned.
 */
describe('tasks: assignment through the sector queues, under concurrency', () => {
  let platform: TestPlatform;
  let db: DataSource;
  let editionId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false });
    db = platform.dataSource;
    // Four weeks from Monday 3 March 2031 (Paris).
    editionId = await seedTestingEdition(db, new Date('2031-03-02T23:00:00Z'), new Date('2031-03-30T22:00:00Z'));
  });
  afterAll(async () => {
    // Leave no live sector behind: a later test file's worker would otherwise serve these queues.
    await db.query(`UPDATE edition SET status = 'SCORING' WHERE id = $1`, [editionId]);
    await platform.close();
  });

  /** Two sectors of 25 entries × 100 tasks (5,000 tasks) and 70 shoppers; some conflicted, some sharing sectors. */
  async function season() {
    const categories = [await seedCategory(db, editionId, { PHONE: 60, EMAIL: 40 }), await seedCategory(db, editionId, { PHONE: 60, EMAIL: 40 })];
    const entries = [];
    for (const category of categories) for (let i = 0; i < 25; i++) entries.push({ ...(await seedEntry(db, editionId, category.id)), categoryId: category.id });
    const shoppers = [];
    for (let i = 0; i < 70; i++) {
      const sectors = i % 5 === 0 ? categories.map((c) => c.code) : [categories[i % 2].code];
      shoppers.push(await seedShopper(db, { sectors, capacity: i % 7 === 0 ? 3 : 30 }));
    }
    // a few conflicts by SIREN, one shopper at a company's domain
    for (let i = 0; i < 10; i++)
      await db.query(`INSERT INTO shopper_conflict (shopper_id, siren, reason) VALUES ($1, $2, 'x')`, [shoppers[i].id, entries[i * 3].siren]);
    await seedShopper(db, { sectors: categories.map((c) => c.code), capacity: 30, domain: entries[0].domain });
    const { created } = await platform.api.get(TaskGeneration).generateForEdition(editionId);
    expect(created).toBe(5000);
    return { categories, codes: categories.map((c) => c.code), categoryIds: categories.map((c) => c.id) };
  }

  const pendingOf = async (categoryIds: string[]) =>
    (await db.query(`SELECT count(*)::int AS n FROM task WHERE category_id = ANY($1) AND status = 'PENDING'`, [categoryIds]))[0].n as number;

  async function checkInvariants(categoryIds: string[]) {
    const [counts] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'ASSIGNED')::int AS assigned, count(*) FILTER (WHERE status <> 'ASSIGNED')::int AS other FROM task WHERE category_id = ANY($1)`,
      [categoryIds],
    );
    expect(counts).toEqual({ assigned: 5000, other: 0 });
    const overCapacity = await db.query(
      `SELECT t.shopper_id, t.week_start, count(*) FROM task t JOIN shopper s ON s.user_id = t.shopper_id
        WHERE t.edition_id = $1 AND t.status = 'ASSIGNED' GROUP BY 1, 2, s.weekly_capacity HAVING count(*) > s.weekly_capacity`,
      [editionId],
    );
    expect(overCapacity).toEqual([]);
    const overRotation = await db.query(
      `SELECT shopper_id, company_id, count(*) FROM task WHERE category_id = ANY($1) AND status = 'ASSIGNED' GROUP BY 1, 2 HAVING count(*) > 10`,
      [categoryIds],
    );
    expect(overRotation).toEqual([]);
    const ineligible = await db.query(
      `SELECT t.id FROM task t JOIN shopper s ON s.user_id = t.shopper_id JOIN category c ON c.id = t.category_id JOIN company co ON co.id = t.company_id
         JOIN app_user su ON su.id = s.user_id
        WHERE t.category_id = ANY($1) AND (NOT c.code = ANY(s.sectors)
           OR EXISTS (SELECT 1 FROM shopper_conflict sc WHERE sc.shopper_id = s.user_id AND sc.siren = co.siren)
           OR EXISTS (SELECT 1 FROM app_user cu WHERE cu.company_id = co.id AND split_part(cu.email, '@', 2) = split_part(su.email, '@', 2)))`,
      [categoryIds],
    );
    expect(ineligible).toEqual([]);
    // The counters count exactly the tasks assigned: nothing counted twice, nothing lost with a killed worker.
    // Only this season's shoppers: other test files share the database and move their own tasks on.
    const drift = await db.query(
      `SELECT l.shopper_id, l.week_start, l.assigned, count(t.id)::int AS actual FROM shopper_week_load l
         LEFT JOIN task t ON t.shopper_id = l.shopper_id AND t.week_start = l.week_start AND t.status = 'ASSIGNED'
        WHERE l.shopper_id IN (SELECT shopper_id FROM shopper_company_load WHERE edition_id = $1)
        GROUP BY 1, 2, 3 HAVING l.assigned <> count(t.id)`,
      [editionId],
    );
    expect(drift).toEqual([]);
    const companyDrift = await db.query(
      `SELECT l.shopper_id, l.company_id, l.assigned, count(t.id)::int AS actual FROM shopper_company_load l
         LEFT JOIN task t ON t.shopper_id = l.shopper_id AND t.company_id = l.company_id AND t.edition_id = l.edition_id AND t.status = 'ASSIGNED'
        WHERE l.edition_id = $1
        GROUP BY 1, 2, 3 HAVING l.assigned <> count(t.id)`,
      [editionId],
    );
    expect(companyDrift).toEqual([]);
  }

  it('5,000 tasks assigned by 4 concurrent BullMQ workers: no task twice, capacity and rotation held, all assigned', async () => {
    const { codes, categoryIds } = await season();
    const config = platform.api.get(AppConfig);
    const assignment = platform.api.get(TaskAssignment);
    const workers = Array.from({ length: 4 }, () => new SectorWorkers(config, assignment, platform.api.get(CategoriesService), platform.api.get(SectorQueues)));
    for (const w of workers) w.serve(codes);
    try {
      await waitFor(async () => (await pendingOf(categoryIds)) === 0, 50_000, 'every task assigned');
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    await checkInvariants(categoryIds);
  }, 60_000);

  it('2 worker processes, one killed with SIGKILL mid-assignment then restarted: every task assigned exactly once', async () => {
    execFileSync('npx', ['nest', 'build', 'worker'], { stdio: 'ignore' });
    // Hold the jobs back until the processes run: the season is generated first, with no worker serving it.
    const { codes, categoryIds } = await season();
    const env = { ...process.env, WORKER_SECTORS: codes.join(','), SMTP_URL: platform.inbox.url, ASSIGNMENT_CONCURRENCY: '2', LOG_LEVEL: 'warn' };
    const start = () => spawn(process.execPath, ['dist/apps/worker/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const children: ChildProcess[] = [start(), start()];
    try {
      // Under way: a first batch (up to 1,000 tasks) committed, the others in flight. Worker processes start
      // slowly on a loaded machine: the waits are generous, they bound a hang, not a speed.
      await waitFor(async () => (await pendingOf(categoryIds)) < 5000, 60_000, 'assignment under way');
      const before = await pendingOf(categoryIds);
      expect(before).toBeGreaterThan(0);
      children[0].kill('SIGKILL');
      await sleep(200);
      children.push(start()); // restarted: re-queues every PENDING task at bootstrap
      await waitFor(async () => (await pendingOf(categoryIds)) === 0, 60_000, 'every task assigned after the restart');
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))));
    }
    await checkInvariants(categoryIds);
  }, 150_000);

  it('the platform worker serves a new sector at once and the shoppers get their digest by e-mail', async () => {
    await platform.startWorker();
    try {
      const category = await seedCategory(db, editionId, { PHONE: 10, EMAIL: 5 });
      for (let i = 0; i < 3; i++) await seedEntry(db, editionId, category.id);
      const shoppers = [];
      for (let i = 0; i < 5; i++) shoppers.push(await seedShopper(db, { sectors: [category.code], name: `Camille ${i}` }));
      const { created } = await platform.api.get(TaskGeneration).generateForEdition(editionId);
      expect(created).toBe(45);
      await waitFor(async () => (await pendingOf([category.id])) === 0, 15_000, 'the new sector assigned');
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM task WHERE category_id = $1 AND status = 'ASSIGNED'`, [category.id]);
      expect(n).toBe(15); // rotation limit 1 of 15 tasks per company: 5 shoppers × 3 companies
      await platform.api.get(AssignmentDigests).sendAssignmentDigests();
      const mail = await platform.inbox.waitForMail(shoppers[0].email, { subject: /mission/ });
      expect(mail.subject).toMatch(/^3 nouvelle\(s\) mission\(s\)/);
      expect(mail.text).toContain('Camille 0');
    } finally {
      await platform.stopWorker();
    }
  });
});
