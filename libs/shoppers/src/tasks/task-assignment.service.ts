import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import { DataSource, type EntityManager } from 'typeorm';
import { formatInstant, isRetryableConflict, QUEUE_AFTER_COMMIT_MS, SectorQueues, UnitsOfWork, updatedRows, withinDeadline } from '@app/core';
import { juryRecipients } from '@app/accounts';
import { NotificationsService } from '@app/notifications';

import { planAssignments, type PlanShopper, type PlanTask } from './assignment-plan';
import { rotationLimitFor } from './rotation';
import './templates';

/** Task ids by their category code, in the order given. */
function groupByCode(rows: { id: string; code: string }[]): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const r of rows) (byCode.get(r.code) ?? byCode.set(r.code, []).get(r.code)!).push(r.id);
  return byCode;
}

/** Ids per `assign-tasks` job. */
export const ASSIGN_BATCH = 200;
/** Re-plans of one batch after a concurrent worker took the room it counted on, before the job retries. */
const MAX_REPLANS = 12;

/**
 * Sector codes just queued in this process (`'enqueued'`, with the codes): a worker serving every sector starts
 * serving a new one at once instead of at its next rescan (generation runs in the worker process).
 */
export const sectorEvents = new EventEmitter();

/**
 * Assignment of tasks to mystery shoppers, by sector, as the rulebook says (docs/rules.md, "Task assignment").
 * A batch is assigned in one transaction: its PENDING tasks are locked (`FOR UPDATE SKIP LOCKED`), the
 * eligible shoppers and their loads read, a plan made task by task (least loaded first), then the loads
 * incremented with conditional upserts that re-check capacity and rotation against the committed counters.
 * If a concurrent worker took the room the plan counted on, the increments are rolled back to a savepoint
 * and the batch re-planned: capacity and rotation are never exceeded, whatever the number of workers.
 */
@Injectable()
export class TaskAssignment {
  private readonly logger = new Logger(TaskAssignment.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly sectorQueues: SectorQueues,
  ) {}

  /** Puts tasks on their sectors' queues in batches; a failure is only logged (the worker's reconciler queues what is stranded). */
  async enqueue(taskIds: string[]): Promise<void> {
    if (taskIds.length === 0) return;
    const byCode = new Map<string, string[]>();
    for (let i = 0; i < taskIds.length; i += 20_000) {
      const rows: { id: string; code: string }[] = await this.dataSource.query(
        `SELECT t.id, c.code FROM task t JOIN category c ON c.id = t.category_id WHERE t.id = ANY($1) AND t.status = 'PENDING' ORDER BY t.id`,
        [taskIds.slice(i, i + 20_000)],
      );
      for (const r of rows) (byCode.get(r.code) ?? byCode.set(r.code, []).get(r.code)!).push(r.id);
    }
    await this.enqueueBySector(byCode);
  }

  /** Puts task ids already grouped by category code on their sectors' queues (a failure is only logged). */
  async enqueueBySector(byCode: Map<string, string[]>): Promise<void> {
    if (byCode.size === 0) return;
    if (this.sectorQueues.isClosed) {
      this.logger.warn(`Shutting down: ${[...byCode.values()].flat().length} task(s) left for the reconciler`);
      return;
    }
    sectorEvents.emit('enqueued', [...byCode.keys()]);
    await Promise.all(
      [...byCode].map(async ([code, ids]) => {
        try {
          const jobs = [];
          for (let i = 0; i < ids.length; i += ASSIGN_BATCH) jobs.push({ name: 'assign-tasks' as const, data: { taskIds: ids.slice(i, i + ASSIGN_BATCH) } });
          // 500 jobs of 200 ids are megabytes: a longer bound than a request's few jobs.
          for (let i = 0; i < jobs.length; i += 500) {
            await withinDeadline(this.sectorQueues.queueFor(code).addBulk(jobs.slice(i, i + 500)), `queue tasks of sector ${code}`, 5 * QUEUE_AFTER_COMMIT_MS);
          }
        } catch (error) {
          this.logger.warn(`Could not queue ${ids.length} task(s) of sector ${code}; the reconciler will: ${(error as Error).message}`);
        }
      }),
    );
  }

  /** Re-queues every PENDING task of the editions in test (or of one of them); returns how many. */
  async enqueuePending(editionId?: string): Promise<number> {
    const rows: { id: string; code: string }[] = await this.dataSource.query(
      `SELECT t.id, c.code FROM task t JOIN edition e ON e.id = t.edition_id JOIN category c ON c.id = t.category_id
        WHERE t.status = 'PENDING' AND e.status = 'TESTING' AND ($1::uuid IS NULL OR e.id = $1) ORDER BY t.id`,
      [editionId ?? null],
    );
    await this.enqueueBySector(groupByCode(rows));
    return rows.length;
  }

  /**
   * Queues the PENDING tasks of the editions in test whose sector queue has no job waiting: their jobs were lost
   * (Redis restarted empty), never made (a crash between saving and queueing), or held by a worker that was killed
   * (a stalled job, which BullMQ would only retry after its lock expires). A sector with jobs still waiting is left
   * alone, and its stranded tasks are queued once it has drained. A task queued twice is harmless: the second job
   * skips it while the first holds it, and finds it no longer PENDING after. Returns how many were queued.
   */
  async requeueStranded(): Promise<number> {
    const rows: { id: string; code: string }[] = await this.dataSource.query(
      `SELECT t.id, c.code FROM task t JOIN edition e ON e.id = t.edition_id JOIN category c ON c.id = t.category_id
        WHERE t.status = 'PENDING' AND e.status = 'TESTING' ORDER BY t.id`,
    );
    const stranded = new Map<string, string[]>();
    for (const [code, ids] of groupByCode(rows)) {
      const counts = await this.sectorQueues.queueFor(code).getJobCounts('waiting', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((n) => n === 0)) stranded.set(code, ids);
    }
    await this.enqueueBySector(stranded);
    return [...stranded.values()].reduce((n, ids) => n + ids.length, 0);
  }

  /** Assigns the PENDING tasks among `taskIds`; the ones no eligible shopper can take come back as `unassignable`. */
  async assignBatch(taskIds: string[]): Promise<{ assigned: string[]; unassignable: string[] }> {
    const ids = [...new Set(taskIds)].sort();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', (tx) => this.assignLocked(tx, ids));
      } catch (error) {
        if (!isRetryableConflict(error) || attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
      }
    }
  }

  private async assignLocked(tx: EntityManager, ids: string[]): Promise<{ assigned: string[]; unassignable: string[] }> {
    const tasks: PlanTask[] = await tx.query(
      `SELECT t.id, t.category_id AS "categoryId", c.code, t.edition_id AS "editionId", t.entry_id AS "entryId",
              t.company_id AS "companyId", t.week_start::text AS "weekStart"
         FROM task t JOIN category c ON c.id = t.category_id
        WHERE t.id = ANY($1) AND t.status = 'PENDING'
        ORDER BY t.id FOR UPDATE OF t SKIP LOCKED`,
      [ids],
    );
    if (tasks.length === 0) return { assigned: [], unassignable: [] };
    const codes = [...new Set(tasks.map((t) => t.code))];
    const companies = [...new Set(tasks.map((t) => t.companyId))];
    const editions = [...new Set(tasks.map((t) => t.editionId))];
    const taskIds = tasks.map((t) => t.id);

    // What does not change within the transaction for these tasks: rotation limits, conflicts, domains, refusals.
    const [limits, conflicts, domains, refusals] = await sequence(
      () =>
        tx.query(
          `SELECT e.company_id AS "companyId", e.edition_id AS "editionId", count(t.id)::int AS n
           FROM entry e JOIN task t ON t.entry_id = e.id AND t.replaces_task_id IS NULL
          WHERE e.company_id = ANY($1) AND e.edition_id = ANY($2) GROUP BY 1, 2`,
          [companies, editions],
        ) as Promise<{ companyId: string; editionId: string; n: number }[]>,
      () =>
        tx.query(
          `SELECT c.id AS "companyId", sc.shopper_id AS "shopperId" FROM company c JOIN shopper_conflict sc ON sc.siren = c.siren WHERE c.id = ANY($1)`,
          [companies],
        ) as Promise<{ companyId: string; shopperId: string }[]>,
      () =>
        tx.query(`SELECT DISTINCT company_id AS "companyId", lower(split_part(email, '@', 2)) AS domain FROM app_user WHERE company_id = ANY($1)`, [
          companies,
        ]) as Promise<{ companyId: string; domain: string }[]>,
      () =>
        tx.query(`SELECT task_id AS "taskId", shopper_id AS "shopperId" FROM task_refusal WHERE task_id = ANY($1)`, [taskIds]) as Promise<
          { taskId: string; shopperId: string }[]
        >,
    );
    const rotationLimit = new Map(limits.map((l) => [`${l.companyId}/${l.editionId}`, rotationLimitFor(l.n)]));
    const fixed = {
      rotationLimit: (companyId: string, editionId: string) => rotationLimit.get(`${companyId}/${editionId}`) ?? 1,
      conflicts: new Set(conflicts.map((c) => `${c.shopperId}/${c.companyId}`)),
      companyDomains: groupSet(
        domains,
        (d) => d.companyId,
        (d) => d.domain,
      ),
      refusals: new Set(refusals.map((r) => `${r.shopperId}/${r.taskId}`)),
    };

    for (let plan = 1; plan <= MAX_REPLANS; plan++) {
      const shoppers: PlanShopper[] = await tx.query(
        `SELECT s.user_id AS id, s.weekly_capacity AS capacity, s.sectors, lower(split_part(u.email, '@', 2)) AS domain
           FROM shopper s JOIN app_user u ON u.id = s.user_id
          WHERE s.suspended_at IS NULL AND s.sectors && $1::text[]
          ORDER BY s.user_id`,
        [codes],
      );
      const shopperIds = shoppers.map((s) => s.id);
      const [weekLoads, companyLoads] = await sequence(
        () =>
          tx.query(
            `SELECT shopper_id AS "shopperId", week_start::text AS "weekStart", assigned FROM shopper_week_load WHERE shopper_id = ANY($1) AND assigned > 0`,
            [shopperIds],
          ) as Promise<{ shopperId: string; weekStart: string; assigned: number }[]>,
        () =>
          tx.query(
            `SELECT shopper_id AS "shopperId", company_id AS "companyId", edition_id AS "editionId", assigned
             FROM shopper_company_load WHERE company_id = ANY($1) AND edition_id = ANY($2) AND assigned > 0`,
            [companies, editions],
          ) as Promise<{ shopperId: string; companyId: string; editionId: string; assigned: number }[]>,
      );
      const choice = planAssignments(tasks, shoppers, weekLoads, companyLoads, fixed);
      const chosen = tasks.filter((t) => choice.has(t.id));
      const unassignable = tasks.filter((t) => !choice.has(t.id)).map((t) => t.id);
      if (chosen.length === 0) return { assigned: [], unassignable };

      await tx.query('SAVEPOINT assign_plan');
      if (await this.applyPlan(tx, chosen, choice, fixed.rotationLimit)) {
        await tx.query('RELEASE SAVEPOINT assign_plan');
        return { assigned: chosen.map((t) => t.id), unassignable };
      }
      await tx.query('ROLLBACK TO SAVEPOINT assign_plan');
    }
    throw new Error(`assignment of ${tasks.length} task(s) kept colliding with concurrent workers; the job will retry`);
  }

  /** Applies a plan if every counter still has room (checked by Postgres against committed values); false if not. */
  private async applyPlan(
    tx: EntityManager,
    chosen: PlanTask[],
    choice: Map<string, string>,
    rotationLimit: (companyId: string, editionId: string) => number,
  ): Promise<boolean> {
    const shopperIds = [...new Set(choice.values())].sort();
    // Share-lock the chosen shoppers first: a suspension committing meanwhile waits for us, then releases our tasks.
    const active: { user_id: string }[] = await tx.query(
      `SELECT user_id FROM shopper WHERE user_id = ANY($1) AND suspended_at IS NULL ORDER BY user_id FOR SHARE`,
      [shopperIds],
    );
    if (active.length !== shopperIds.length) return false;

    const week = new Map<string, number>();
    const company = new Map<string, { n: number; limit: number }>();
    for (const t of chosen) {
      const s = choice.get(t.id)!;
      week.set(`${s}|${t.weekStart}`, (week.get(`${s}|${t.weekStart}`) ?? 0) + 1);
      const key = `${s}|${t.companyId}|${t.editionId}`;
      const c = company.get(key) ?? { n: 0, limit: rotationLimit(t.companyId, t.editionId) };
      c.n++;
      company.set(key, c);
    }
    // Keys sorted, rows upserted in that order: two batches lock counter rows in the same order (no deadlock).
    const weekKeys = [...week.keys()].sort();
    const weekRows: unknown[] = await tx.query(
      `INSERT INTO shopper_week_load AS l (shopper_id, week_start, assigned)
       SELECT v.s, v.w, v.n FROM unnest($1::uuid[], $2::date[], $3::int[]) WITH ORDINALITY AS v(s, w, n, o)
        WHERE v.n <= (SELECT weekly_capacity FROM shopper WHERE user_id = v.s)
        ORDER BY v.o
       ON CONFLICT (shopper_id, week_start) DO UPDATE SET assigned = l.assigned + EXCLUDED.assigned
        WHERE l.assigned + EXCLUDED.assigned <= (SELECT weekly_capacity FROM shopper WHERE user_id = EXCLUDED.shopper_id)
       RETURNING 1`,
      [weekKeys.map((k) => k.split('|')[0]), weekKeys.map((k) => k.split('|')[1]), weekKeys.map((k) => week.get(k)!)],
    );
    if (weekRows.length !== weekKeys.length) return false;
    const companyKeys = [...company.keys()].sort();
    const parts = companyKeys.map((k) => k.split('|'));
    const companyRows: unknown[] = await tx.query(
      `INSERT INTO shopper_company_load AS l (shopper_id, company_id, edition_id, assigned)
       SELECT v.s, v.c, v.e, v.n FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[]) WITH ORDINALITY AS v(s, c, e, n, lim, o)
        WHERE v.n <= v.lim
        ORDER BY v.o
       ON CONFLICT (shopper_id, company_id, edition_id) DO UPDATE SET assigned = l.assigned + EXCLUDED.assigned
        WHERE l.assigned + EXCLUDED.assigned <= (
          SELECT x.lim FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $5::int[]) AS x(s, c, e, lim)
           WHERE x.s = EXCLUDED.shopper_id AND x.c = EXCLUDED.company_id AND x.e = EXCLUDED.edition_id)
       RETURNING 1`,
      [
        parts.map((p) => p[0]),
        parts.map((p) => p[1]),
        parts.map((p) => p[2]),
        companyKeys.map((k) => company.get(k)!.n),
        companyKeys.map((k) => company.get(k)!.limit),
      ],
    );
    if (companyRows.length !== companyKeys.length) return false;
    await tx.query(
      `UPDATE task SET status = 'ASSIGNED', shopper_id = v.s, assigned_at = now(), digest_sent_at = NULL
         FROM unnest($1::uuid[], $2::uuid[]) AS v(id, s)
        WHERE task.id = v.id AND task.status = 'PENDING'`,
      [chosen.map((t) => t.id), chosen.map((t) => choice.get(t.id)!)],
    );
    return true;
  }

  /**
   * After the last try of a job: its still-PENDING tasks become UNASSIGNABLE and the jury is told, one e-mail
   * per jury user, category and day (the count is the first batch's of that day; the list is in the back office).
   */
  async markUnassignable(taskIds: string[], now = new Date()): Promise<number> {
    if (taskIds.length === 0) return 0;
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const rows: { category_id: string }[] = await updatedRows(
        outbox.tx,
        `UPDATE task SET status = 'UNASSIGNABLE' WHERE id = ANY($1) AND status = 'PENDING' RETURNING category_id`,
        [taskIds],
      );
      if (rows.length === 0) return 0;
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.category_id, (counts.get(r.category_id) ?? 0) + 1);
      const categories: { id: string; name: string; edition_name: string; timezone: string }[] = await outbox.tx.query(
        `SELECT c.id, c.name, e.name AS edition_name, e.timezone FROM category c JOIN edition e ON e.id = c.edition_id WHERE c.id = ANY($1)`,
        [[...counts.keys()]],
      );
      const jury = await juryRecipients(outbox.tx);
      for (const c of categories) {
        const day = formatInstant(now, c.timezone).slice(0, 10).split('/').reverse().join('-');
        await outbox.notify(
          ...jury.map((r) => ({
            template: 'tasks-unassignable' as const,
            to: r.email,
            locale: r.locale,
            data: { categoryName: c.name, editionName: c.edition_name, count: counts.get(c.id)! },
            dedupeKey: `tasks-unassignable:${c.id}:${day}:${r.userId}`,
          })),
        );
      }
      this.logger.warn(`${rows.length} task(s) flagged UNASSIGNABLE`);
      return rows.length;
    });
  }
}

function groupSet<T>(rows: T[], key: (r: T) => string, value: (r: T) => string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) (out.get(key(r)) ?? out.set(key(r), new Set()).get(key(r))!).add(value(r));
  return out;
}

/** Runs queries one after the other on the transaction's connection (one connection runs one query at a time). */
async function sequence<T extends unknown[]>(...work: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const out: unknown[] = [];
  for (const w of work) out.push(await w());
  return out as T;
}
