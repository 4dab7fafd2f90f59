import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale } from '@app/accounts';
import { formatInstant } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { TaskAssignment, TaskGeneration } from '@app/shoppers';

const HOUR = 3600 * 1000;
/** An assigned task not submitted by its window's end plus this grace expires (the shopper may submit late during it). */
export const TASK_GRACE_MS = 24 * HOUR;
/** A reminder goes to the shopper when their task's window ends within this delay. */
export const DUE_SOON_MS = 24 * HOUR;
const BATCH = 500;

/** Time-driven task housekeeping: expiry (with a replacement) and the "due soon" reminder. Both idempotent. */
@Injectable()
export class TaskDeadlines {
  private readonly logger = new Logger(TaskDeadlines.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly generation: TaskGeneration,
    private readonly assignment: TaskAssignment,
  ) {}

  /**
   * Every ASSIGNED task whose window ended more than the grace ago becomes EXPIRED and gets a replacement,
   * one task per transaction (a failure leaves the others done); replacements are queued after commit.
   * Returns how many tasks expired.
   */
  async expireOverdue(now = new Date(), graceMs = TASK_GRACE_MS): Promise<{ expired: number; replaced: number }> {
    const cutoff = new Date(now.getTime() - graceMs);
    let expired = 0;
    const replacements: string[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM task WHERE status = 'ASSIGNED' AND window_end < $1 AND id > $2 ORDER BY id LIMIT $3`,
        [cutoff, after, BATCH],
      );
      for (const { id } of rows) {
        const replacement = await this.dataSource.transaction(async (tx) => {
          if (!(await this.assignment.expire(tx, id))) return null;
          expired++;
          return this.generation.createReplacement(tx, id);
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
   * `due_soon_notified_at` in the same transaction (and deduplicated by `task-due-soon:<taskId>`). Returns how many.
   */
  async remindDueSoon(now = new Date(), withinMs = DUE_SOON_MS): Promise<number> {
    let reminded = 0;
    for (;;) {
      const sent = await this.notifications.transaction(async (outbox) => {
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
                WHERE t.id IN (SELECT id FROM task
                                WHERE status = 'ASSIGNED' AND due_soon_notified_at IS NULL AND window_end > $1 AND window_end <= $2
                                ORDER BY window_end LIMIT $3 FOR UPDATE SKIP LOCKED)
               RETURNING t.id, t.channel, t.window_end, t.shopper_id, t.company_id, t.edition_id)
             SELECT due.id, due.channel, due.window_end, u.email, u.locale, s.name AS shopper_name, co.legal_name AS company_name, e.timezone
               FROM due JOIN app_user u ON u.id = due.shopper_id JOIN shopper s ON s.user_id = due.shopper_id
               JOIN company co ON co.id = due.company_id JOIN edition e ON e.id = due.edition_id`,
          [now, new Date(now.getTime() + withinMs), BATCH],
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
