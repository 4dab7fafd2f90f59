import { forwardRef, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CATEGORIES_SQL, CategoryStatus, EDITIONS_SQL, CHANNELS, EditionsService, type Channel, type PerChannel, type Scenario } from '@app/contest';
import { faultPoint } from '@app/core';
import { ENTRIES_SQL, EntryStatus } from '@app/registration';
import { Task, TaskStatus } from '../entities/task.entity';
import { TaskAssignment } from './task-assignment.service';
import { taskTimings } from './task-timings';
import { evenWindows, isSubDay, planChannelWindows, slotCalendar, weekStartOf, type TaskWindow } from './windows';

const INSERT_BATCH = 1000;

interface EntryRow {
  id: string;
  category_id: string;
  code: string;
  company_id: string;
  contact_points: PerChannel<string[]>;
  quotas: PerChannel<number>;
  scenarios: Scenario[];
}

/** A small stable number from an id, to vary offsets between entries deterministically. */
const seedOf = (id: string) => createHash('sha1').update(id).digest().readUInt32BE(0);

/**
 * Makes the tasks of an edition when its test period starts, and the replacement of a rejected or expired task.
 * Generation is idempotent (unique original slot per entry and channel) and set-based: 225,000 tasks are
 * inserted with `unnest` in statements of 1,000 rows, all in one transaction, then queued.
 */
@Injectable()
export class TaskGeneration {
  private readonly logger = new Logger(TaskGeneration.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(forwardRef(() => TaskAssignment)) private readonly assignment: TaskAssignment,
    private readonly editions: EditionsService,
  ) {}

  async generateForEdition(editionId: string): Promise<{ created: number }> {
    const began = Date.now();
    const edition = await this.editions.findOrFail(editionId);
    const entries: EntryRow[] = await this.dataSource.query(
      `SELECT e.id, e.category_id, e.company_id, e.contact_points, c.code, c.quotas, c.scenarios
         FROM (${ENTRIES_SQL}) e JOIN (${CATEGORIES_SQL}) c ON c.id = e.category_id
        WHERE e.edition_id = $1 AND e.status = $2 AND c.status = $3
        ORDER BY e.id`,
      [editionId, EntryStatus.InTest, CategoryStatus.Active],
    );
    const codeOf = new Map(entries.map((e) => [e.category_id, e.code]));
    const zone: string = edition.timezone;
    const start = edition.testPeriodStart;
    const end = edition.testPeriodEnd;
    const subDay = isSubDay(start, end);
    const calendar = subDay ? null : slotCalendar(start, end, zone);
    const evenCache = new Map<number, TaskWindow[]>();
    const even = (quota: number) => {
      let w = evenCache.get(quota);
      if (!w) evenCache.set(quota, (w = evenWindows(start, end, zone, quota)));
      return w;
    };

    const columns = {
      category: [] as string[],
      entry: [] as string[],
      company: [] as string[],
      channel: [] as string[],
      slot: [] as number[],
      contact: [] as string[],
      scenario: [] as string[],
      wstart: [] as string[],
      wend: [] as string[],
      week: [] as string[],
    };
    let created = 0;
    let attempted = 0;
    const createdByCode = new Map<string, string[]>();
    const flush = async (tx: EntityManager) => {
      if (columns.entry.length === 0) return;
      const rows: { id: string; category_id: string }[] = await tx.query(
        `INSERT INTO task (edition_id, category_id, entry_id, company_id, channel, slot, contact_point, scenario, window_start, window_end, week_start)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::date[])
         ON CONFLICT (entry_id, channel, slot) WHERE replaces_task_id IS NULL DO NOTHING
         RETURNING id, category_id`,
        [
          editionId,
          columns.category,
          columns.entry,
          columns.company,
          columns.channel,
          columns.slot,
          columns.contact,
          columns.scenario,
          columns.wstart,
          columns.wend,
          columns.week,
        ],
      );
      created += rows.length;
      attempted += columns.entry.length;
      for (const r of rows) {
        const code = codeOf.get(r.category_id)!;
        (createdByCode.get(code) ?? createdByCode.set(code, []).get(code)!).push(r.id);
      }
      for (const list of Object.values(columns)) list.length = 0;
    };

    // One transaction for every insert: a reconciler never sees (and queues) half an edition's tasks, and the
    // rotation limits, counted from a company's tasks, are never read from a partial generation.
    await this.dataSource.transaction(async (tx) => {
      for (const entry of entries) {
        const seed = seedOf(entry.id);
        for (const [c, channel] of CHANNELS.entries()) {
          const quota = entry.quotas[channel] ?? 0;
          const points = entry.contact_points?.[channel] ?? [];
          if (quota <= 0 || points.length === 0) continue;
          const bank = entry.scenarios.filter((s) => s.channel === channel).map((s) => s.text);
          const scenarios = bank.length > 0 ? bank : [defaultScenario(channel)];
          const windows = (calendar && planChannelWindows(calendar, quota, (seed + c) % 997)) || even(quota);
          for (let slot = 0; slot < quota; slot++) {
            const w = windows[slot];
            columns.category.push(entry.category_id);
            columns.entry.push(entry.id);
            columns.company.push(entry.company_id);
            columns.channel.push(channel);
            columns.slot.push(slot);
            columns.contact.push(points[slot % points.length]);
            columns.scenario.push(scenarios[(slot + seed) % scenarios.length]);
            columns.wstart.push(w.start.toISOString());
            columns.wend.push(w.end.toISOString());
            columns.week.push(w.weekStart);
          }
          if (columns.entry.length >= INSERT_BATCH) await flush(tx);
        }
      }
      await flush(tx);
    });
    faultPoint('after-task-generation');
    const inserted = Date.now();
    this.logger.log(`Edition ${editionId}: ${created} task(s) generated for ${entries.length} entr(ies) in test`);
    // A retry after a crash between the inserts and the queueing finds its tasks made already: it queues every
    // PENDING task of the edition instead of only those it made (a job whose tasks are taken skips them).
    if (created < attempted) await this.assignment.enqueuePending(editionId);
    else await this.assignment.enqueueBySector(createdByCode);
    this.logger.log(`Edition ${editionId}: generated in ${inserted - began} ms, queued in ${Date.now() - inserted} ms`);
    return { created };
  }

  /**
   * The replacement of a REJECTED or EXPIRED task: same entry, channel, scenario and contact point, for another
   * shopper (the old shopper and everyone who refused the old task are refusals of the new one). Idempotent
   * (one replacement per task). Same window if it has not ended; else the edition's `taskTimings` replacement
   * window (real season: from now + 1 h for at most a week; demonstration: from now for a tenth of the test
   * period), inside the test period; null when no (or too little) time is left. The caller enqueues the new task
   * after commit.
   */
  async createReplacement(tx: EntityManager, taskId: string, now = new Date()): Promise<Task | null> {
    const existing = await tx.findOne(Task, { where: { replacesTaskId: taskId } });
    if (existing) return existing;
    const [old] = await tx.query(
      `SELECT t.*, e.timezone, e.test_period_start, e.test_period_end FROM task t JOIN (${EDITIONS_SQL}) e ON e.id = t.edition_id WHERE t.id = $1`,
      [taskId],
    );
    if (!old) throw new Error(`task ${taskId} not found`);
    if (old.status !== TaskStatus.Rejected && old.status !== TaskStatus.Expired) {
      throw new Error(`task ${taskId} is ${old.status}: only a REJECTED or EXPIRED task is replaced`);
    }
    let start: Date = old.window_start;
    let end: Date = old.window_end;
    if (end.getTime() <= now.getTime()) {
      const window = taskTimings(old.test_period_start, old.test_period_end).replacementWindow(now);
      if (!window) return null;
      ({ start, end } = window);
    }
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO task (edition_id, category_id, entry_id, company_id, channel, slot, contact_point, scenario,
                         window_start, window_end, week_start, replaces_task_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (replaces_task_id) WHERE replaces_task_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        old.edition_id,
        old.category_id,
        old.entry_id,
        old.company_id,
        old.channel,
        old.slot,
        old.contact_point,
        old.scenario,
        start,
        end,
        weekStartOf(start, old.timezone),
        taskId,
      ],
    );
    if (inserted.length > 0) {
      const newId = inserted[0].id;
      await tx.query(
        `INSERT INTO task_refusal (task_id, shopper_id, kind, reason)
         SELECT $1, shopper_id, kind, reason FROM task_refusal WHERE task_id = $2
         ON CONFLICT DO NOTHING`,
        [newId, taskId],
      );
      if (old.shopper_id) {
        await tx.query(`INSERT INTO task_refusal (task_id, shopper_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [newId, old.shopper_id, old.status]);
      }
    }
    return tx.findOneOrFail(Task, { where: { replacesTaskId: taskId } });
  }
}

function defaultScenario(channel: Channel): string {
  return `Demande courante au service client (${channel})`;
}
