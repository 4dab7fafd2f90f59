import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import { DataSource, type QueryRunner } from 'typeorm';
import { formatInstant, isRetryableConflict, QUEUE_AFTER_COMMIT_MS, SectorQueues, UnitsOfWork, updatedRows, withinDeadline } from '@app/core';
import { juryRecipients } from '@app/accounts';
import { CATEGORIES_SQL, EDITIONS_SQL, EditionStatus } from '@app/contest';
import { NotificationsService } from '@app/notifications';
import { TaskStatus } from '../entities/task.entity';
import { planAssignments } from './assignment-plan';
import { readPendingTasks, readRules, readShopperPool, type Query, type RotationLimit } from './assignment-reads';
import { writePlan, type WriteOutcome } from './assignment-write';
import './templates';

/** Task ids by their category code, in the order given. */
function groupByCode(rows: { id: string; code: string }[]): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const r of rows) (byCode.get(r.code) ?? byCode.set(r.code, []).get(r.code)!).push(r.id);
  return byCode;
}

/** Ids per `assign-tasks` job. */
export const ASSIGN_BATCH = 1000;
/** Re-plans of one batch after a concurrent worker took the room it counted on, before the job retries. */
const MAX_REPLANS = 12;

/**
 * Sector codes just queued in this process (`'enqueued'`, with the codes): a worker serving every sector starts
 * serving a new one at once instead of at its next rescan (generation runs in the worker process).
 */
export const sectorEvents = new EventEmitter();

/**
 * Assignment of tasks to mystery shoppers, by sector, as the rulebook says (docs/rules.md, "Tasks: generation and
 * assignment by sector"; the design in docs/architecture.md, "Assignment"). A batch is read and planned without a
 * lock, then written by one statement that locks its tasks, assigns them and increments the loads with conditional
 * upserts re-checking capacity and rotation against the committed counters. If a concurrent worker took the room
 * the plan counted on, the transaction is rolled back and the batch re-planned: capacity and rotation are never
 * exceeded, whatever the number of workers.
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
        `SELECT t.id, c.code FROM task t JOIN (${CATEGORIES_SQL}) c ON c.id = t.category_id WHERE t.id = ANY($1) AND t.status = $2 ORDER BY t.id`,
        [taskIds.slice(i, i + 20_000), TaskStatus.Pending],
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
          // 20 jobs of 1,000 ids are most of a megabyte: a longer bound than a request's few jobs.
          for (let i = 0; i < jobs.length; i += 20) {
            await withinDeadline(this.sectorQueues.queueFor(code).addBulk(jobs.slice(i, i + 20)), `queue tasks of sector ${code}`, 5 * QUEUE_AFTER_COMMIT_MS);
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
      `SELECT t.id, c.code FROM task t JOIN (${EDITIONS_SQL}) e ON e.id = t.edition_id JOIN (${CATEGORIES_SQL}) c ON c.id = t.category_id
        WHERE t.status = $2 AND e.status = $3 AND ($1::uuid IS NULL OR e.id = $1) ORDER BY t.id`,
      [editionId ?? null, TaskStatus.Pending, EditionStatus.Testing],
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
      `SELECT t.id, c.code FROM task t JOIN (${EDITIONS_SQL}) e ON e.id = t.edition_id JOIN (${CATEGORIES_SQL}) c ON c.id = t.category_id
        WHERE t.status = $1 AND e.status = $2 ORDER BY t.id`,
      [TaskStatus.Pending, EditionStatus.Testing],
    );
    const stranded = new Map<string, string[]>();
    for (const [code, ids] of groupByCode(rows)) {
      const counts = await this.sectorQueues.queueFor(code).getJobCounts('waiting', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((n) => n === 0)) stranded.set(code, ids);
    }
    await this.enqueueBySector(stranded);
    return [...stranded.values()].reduce((n, ids) => n + ids.length, 0);
  }

  /**
   * Assigns the PENDING tasks among `taskIds`; the ones no eligible shopper can take come back as `unassignable`.
   * On one connection: the tasks, the rules and the loads read (no transaction, no lock), a plan made, then written
   * by one statement in a short transaction ({@link writePlan}). A refused counter rolls it back and the batch is
   * planned again from the new loads; tasks planned for a shopper suspended meanwhile are planned again without them.
   */
  async assignBatch(taskIds: string[]): Promise<{ assigned: string[]; unassignable: string[] }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const query: Query = (sql, params) => runner.query(sql, params);
      let tasks = await readPendingTasks(query, [...new Set(taskIds)].sort());
      if (tasks.length === 0) return { assigned: [], unassignable: [] };
      const rules = await readRules(query, tasks);
      const assigned: string[] = [];
      const unassignable: string[] = [];
      for (let plan = 1; plan <= MAX_REPLANS; plan++) {
        const { shoppers, weekLoads, companyLoads } = await readShopperPool(query, tasks);
        const choice = planAssignments(tasks, shoppers, weekLoads, companyLoads, rules);
        const left = tasks.filter((t) => !choice.has(t.id)).map((t) => t.id);
        if (choice.size === 0) return { assigned, unassignable: [...unassignable, ...left] };
        const outcome = await this.write(runner, choice, rules.limits);
        if (!outcome) continue;
        assigned.push(...outcome.assigned);
        unassignable.push(...left);
        const inactive = new Set(outcome.inactive);
        tasks = tasks.filter((t) => inactive.has(choice.get(t.id) ?? ''));
        if (tasks.length === 0) return { assigned, unassignable };
      }
      throw new Error(`assignment of ${tasks.length} task(s) kept colliding with concurrent workers; the job will retry`);
    } finally {
      await runner.release();
    }
  }

  /** One plan in one transaction: committed, or rolled back (null) when a counter was refused or the lock order lost. */
  private async write(runner: QueryRunner, choice: Map<string, string>, limits: RotationLimit[]): Promise<WriteOutcome | null> {
    await runner.startTransaction(); // READ COMMITTED, Postgres' default: one round trip
    try {
      const outcome = await writePlan((sql, params) => runner.query(sql, params), choice, limits);
      if (outcome.refused) {
        await runner.rollbackTransaction();
        return null;
      }
      await runner.commitTransaction();
      return outcome;
    } catch (error) {
      await runner.rollbackTransaction();
      if (!isRetryableConflict(error)) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
      return null;
    }
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
        `UPDATE task SET status = $2 WHERE id = ANY($1) AND status = $3 RETURNING category_id`,
        [taskIds, TaskStatus.Unassignable, TaskStatus.Pending],
      );
      if (rows.length === 0) return 0;
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.category_id, (counts.get(r.category_id) ?? 0) + 1);
      const categories: { id: string; name: string; edition_name: string; timezone: string }[] = await outbox.tx.query(
        `SELECT c.id, c.name, e.name AS edition_name, e.timezone FROM (${CATEGORIES_SQL}) c JOIN (${EDITIONS_SQL}) e ON e.id = c.edition_id WHERE c.id = ANY($1)`,
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
