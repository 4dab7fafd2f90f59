import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, MailTransport } from '@app/core';
import { AttachmentRenderers } from './attachment-renderers';
import { Notification, NotificationStatus } from './notification.entity';
import { renderEmail } from './templates/render';

export type SendOutcome = 'sent' | 'already-sent' | 'unknown';

type Row = Pick<Notification, 'id' | 'template' | 'recipient' | 'locale' | 'data' | 'attachments' | 'status'>;
interface Waiter {
  id: string;
  resolve: (outcome: SendOutcome) => void;
  reject: (error: Error) => void;
}

/** E-mails one worker process sends at once (its jobs' concurrency; the benchmark's raw ceiling keeps as many in flight). */
export const NOTIFICATIONS_CONCURRENCY = 50;
/** The most notifications sent in one transaction: all the jobs that start together. */
const MAX_BATCH = NOTIFICATIONS_CONCURRENCY;

/**
 * Renders and sends notifications, each at most once at a time: its row is locked while it is sent and marked
 * sent in the same transaction. The sends asked for in the same turn of the event loop (the worker's concurrent
 * jobs) share one transaction — one lock statement and one update for all, instead of four statements each —
 * while each keeps its own outcome: a refused e-mail fails only its own job, which retries.
 */
@Injectable()
export class NotificationSender {
  private waiting: Waiter[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    private readonly config: AppConfig,
    private readonly attachments: AttachmentRenderers,
  ) {}

  send(notificationId: string): Promise<SendOutcome> {
    return new Promise((resolve, reject) => {
      if (this.waiting.push({ id: notificationId, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  /** After the last retry: the notification stays in the table as FAILED, and its job in the dashboard. */
  async markFailed(notificationId: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET status = $2 WHERE id = $1 AND status = $3`, [
      notificationId,
      NotificationStatus.Failed,
      NotificationStatus.Pending,
    ]);
  }

  private flush(): void {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      void this.sendBatch([...new Set(batch.map((w) => w.id))]).then((outcomes) => {
        // The same notification asked for twice in a batch is sent once; the second asker is told it was already sent.
        const told = new Set<string>();
        for (const waiter of batch) {
          const outcome = outcomes.get(waiter.id) ?? 'unknown';
          if (outcome instanceof Error) waiter.reject(outcome);
          else waiter.resolve(told.has(waiter.id) && outcome === 'sent' ? 'already-sent' : outcome);
          told.add(waiter.id);
        }
      });
    }
  }

  private async sendBatch(ids: string[]): Promise<Map<string, SendOutcome | Error>> {
    const outcomes = new Map<string, SendOutcome | Error>();
    try {
      await this.dataSource.transaction(async (tx) => {
        // Locked in id order, so that two batches sharing notifications cannot deadlock.
        const rows: Row[] = await tx.query(
          `SELECT id, template, recipient, locale, data, attachments, status FROM notification WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
          [ids],
        );
        const pending = rows.filter((row) => row.status !== NotificationStatus.Sent);
        for (const row of rows) if (row.status === NotificationStatus.Sent) outcomes.set(row.id, 'already-sent');
        const results = await Promise.allSettled(pending.map((row) => this.deliver(row)));
        const sent = pending.filter((_, i) => results[i].status === 'fulfilled').map((row) => row.id);
        const failed = pending.flatMap((row, i) => (results[i].status === 'rejected' ? [{ id: row.id, error: results[i].reason as Error }] : []));
        if (sent.length > 0)
          await tx.query(
            `UPDATE notification SET status = $2, sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
            [sent, NotificationStatus.Sent],
          );
        if (failed.length > 0)
          await tx.query(
            `UPDATE notification AS n SET attempts = n.attempts + 1, last_error = f.error FROM unnest($1::uuid[], $2::text[]) AS f(id, error) WHERE n.id = f.id`,
            [failed.map((f) => f.id), failed.map((f) => String(f.error?.message).slice(0, 1000))],
          );
        for (const id of sent) outcomes.set(id, 'sent');
        for (const f of failed) outcomes.set(f.id, f.error);
      });
    } catch (error) {
      // The transaction itself failed (Postgres): nothing is marked sent, every job of the batch retries.
      await this.dataSource
        .query(`UPDATE notification SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [ids, (error as Error).message.slice(0, 1000)])
        .catch(() => undefined);
      for (const id of ids) outcomes.set(id, error as Error);
    }
    return outcomes;
  }

  private async deliver(notification: Row): Promise<void> {
    const email = renderEmail(notification.template, notification.locale, notification.data);
    await this.mail.send({
      to: notification.recipient,
      subject: email.subject,
      text: email.text,
      html: email.html,
      // A stable Message-ID lets a mail server drop the copy if a crash after SMTP made us send again.
      messageId: `<${notification.id}@${new URL(this.config.PUBLIC_URL).hostname}>`,
      attachments: await Promise.all(
        notification.attachments.map(async (a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: 'ref' in a ? await this.attachments.render(a.ref) : Buffer.from(a.contentBase64, 'base64'),
        })),
      ),
    });
  }
}
