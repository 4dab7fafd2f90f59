import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COMPANIES_SQL, USERS_SQL } from '@app/accounts';
import { EDITIONS_SQL } from '@app/contest';
import { formatInstant, UnitsOfWork, type Locale } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { TaskStatus } from '../entities/task.entity';
import { TaskAssignment } from './task-assignment.service';
import { TaskGeneration } from './task-generation.service';
import { TaskStates } from './task-states.service';
import { REAL_SEASON_DUE_SOON_MS, taskTimingsSql } from './task-timings';
import './templates';

const BATCH = 500;
/** The task timings in SQL (grace, demonstration season) of the edition joined as `e`. */
const timings = taskTimingsSql('e');

/** Time-driven task housekeeping: expiry (with a replacement) and the "due soon" reminder. Both idempotent. */
@Injectable()
export class TaskDeadlines {
  private readonly logger = new Logger(TaskDeadlines.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly generation: TaskGeneration,
    private readonly assignment: TaskAssignment,
    private readonly states: TaskStates,
  ) {}

  /**
   * Every ASSIGNED task whose window ended more than its edition's grace ago (`taskTimings`: 24 h, or a twentieth
   * of a demonstration season's test period) becomes EXPIRED and gets a replacement, one task per transaction (a
   * failure leaves the others done); replacements are queued after commit. The candidates are found by one query
   * (`window_end < now` served by the (status, window_end) index, the grace per edition). Returns how many expired.
   */
  async expireOverdue(now = new Date()): Promise<{ expired: number; replaced: number }> {
    let expired = 0;
    const replacements: string[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT t.id FROM task t JOIN (${EDITIONS_SQL}) e ON e.id = t.edition_id
          WHERE t.status = $4 AND t.window_end < $1 AND t.window_end + ${timings.grace} < $1 AND t.id > $2
          ORDER BY t.id LIMIT $3`,
        [now, after, BATCH, TaskStatus.Assigned],
      );
      for (const { id } of rows) {
        const replacement = await this.dataSource.transaction(async (tx) => {
          if (!(await this.states.expire(tx, id))) return null;
          expired++;
          return this.generation.createReplacement(tx, id, now);
        });
        if (replacement) replacements.push(replacement.id);
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].id;
    }
    if (replacements.length > 0) await this.assignment.enqueue(replacements);
    if (expired > 0) this.logger.log(`${expired} overdue task(s) expired, ${replacements.length} replacement(s) queued`);
    return { expired, replaced: replacements.length };
  }

  /**
   * One 'task-due-soon' e-mail per ASSIGNED task whose window ends within the next 24 hours, marked by
   * `due_soon_notified_at` in the same transaction (and deduplicated by `task-due-soon:<taskId>`). Tasks of a
   * demonstration season get none (`taskTimings`: windows of seconds). Returns how many.
   */
  async remindDueSoon(now = new Date()): Promise<number> {
    let reminded = 0;
    for (;;) {
      const sent = await this.units.run(async (uow) => {
        const outbox = this.notifications.outbox(uow);
        const due: {
          id: string;
          channel: string;
          window_end: Date;
          email: string;
          locale: Locale;
          shopper_name: string;
          company_name: string;
          timezone: string;
        }[] = await outbox.tx.query(
          `WITH due AS (
               UPDATE task t SET due_soon_notified_at = $1
                WHERE t.id IN (SELECT d.id FROM task d JOIN (${EDITIONS_SQL}) e ON e.id = d.edition_id
                                WHERE d.status = $4 AND d.due_soon_notified_at IS NULL AND d.window_end > $1 AND d.window_end <= $2
                                  AND NOT ${timings.demonstration}
                                ORDER BY d.window_end LIMIT $3 FOR UPDATE OF d SKIP LOCKED)
               RETURNING t.id, t.channel, t.window_end, t.shopper_id, t.company_id, t.edition_id)
             SELECT due.id, due.channel, due.window_end, u.email, u.locale, s.name AS shopper_name, co.legal_name AS company_name, e.timezone
               FROM due JOIN (${USERS_SQL}) u ON u.id = due.shopper_id JOIN shopper s ON s.user_id = due.shopper_id
               JOIN (${COMPANIES_SQL}) co ON co.id = due.company_id JOIN (${EDITIONS_SQL}) e ON e.id = due.edition_id`,
          [now, new Date(now.getTime() + REAL_SEASON_DUE_SOON_MS), BATCH, TaskStatus.Assigned],
        );
        await outbox.notify(
          ...due.map((t) => ({
            template: 'task-due-soon' as const,
            to: t.email,
            locale: t.locale,
            data: { shopperName: t.shopper_name, companyName: t.company_name, channel: t.channel, windowEnd: formatInstant(t.window_end, t.timezone) },
            dedupeKey: `task-due-soon:${t.id}`,
          })),
        );
        return due.length;
      });
      reminded += sent;
      if (sent < BATCH) return reminded;
    }
  }
}
