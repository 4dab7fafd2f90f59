import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { COMPANIES_SQL, USERS_SQL } from '@app/accounts';
import { EDITIONS_SQL } from '@app/contest';
import { formatInstant, UnitsOfWork, type Locale } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { TaskStatus } from '../entities/task.entity';
import './templates';

/** Tasks listed in one digest e-mail (the count says how many there are in all). */
const DIGEST_LINES = 50;

interface DigestRow {
  id: string;
  shopper_id: string;
  channel: string;
  scenario: string;
  window_start: Date;
  window_end: Date;
  company_name: string;
  timezone: string;
  shopper_name: string;
  email: string;
  locale: Locale;
}

/** The hourly "tasks assigned to you" e-mails. */
@Injectable()
export class AssignmentDigests {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
  ) {}

  /**
   * One "tasks assigned" e-mail per shopper listing the tasks assigned to them since their last digest;
   * returns how many e-mails were written. Safe to run concurrently (rows locked with SKIP LOCKED).
   */
  async sendAssignmentDigests(now = new Date()): Promise<number> {
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const rows: DigestRow[] = await outbox.tx.query(
        `SELECT t.id, t.shopper_id, t.channel, t.scenario, t.window_start, t.window_end, co.legal_name AS company_name,
                ed.timezone, s.name AS shopper_name, u.email, u.locale
           FROM task t
           JOIN (${COMPANIES_SQL}) co ON co.id = t.company_id
           JOIN (${EDITIONS_SQL}) ed ON ed.id = t.edition_id
           JOIN shopper s ON s.user_id = t.shopper_id
           JOIN (${USERS_SQL}) u ON u.id = t.shopper_id
          WHERE t.status = $1 AND t.digest_sent_at IS NULL
          ORDER BY t.shopper_id, t.window_start, t.id
          FOR UPDATE OF t SKIP LOCKED`,
        [TaskStatus.Assigned],
      );
      if (rows.length === 0) return 0;
      const byShopper = new Map<string, DigestRow[]>();
      for (const r of rows) (byShopper.get(r.shopper_id) ?? byShopper.set(r.shopper_id, []).get(r.shopper_id)!).push(r);
      for (const [shopperId, list] of byShopper) {
        const first = list[0];
        const batch = createHash('sha1')
          .update(list.map((r) => r.id).join(','))
          .digest('hex')
          .slice(0, 16);
        await outbox.notify({
          template: 'task-assigned-digest',
          to: first.email,
          locale: first.locale,
          data: {
            shopperName: first.shopper_name,
            count: list.length,
            tasks: list.slice(0, DIGEST_LINES).map((r) => ({
              companyName: r.company_name,
              channel: r.channel,
              window: `${formatInstant(r.window_start, r.timezone)} → ${formatInstant(r.window_end, r.timezone)}`,
              scenario: r.scenario,
            })),
          },
          dedupeKey: `task-assigned-digest:${shopperId}:${batch}`,
        });
      }
      await outbox.tx.query(`UPDATE task SET digest_sent_at = $2 WHERE id = ANY($1)`, [rows.map((r) => r.id), now]);
      return byShopper.size;
    });
  }
}
