import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, MailTransport } from '@app/core';
import { AttachmentRenderers } from './attachment-renderers';
import { Notification, NotificationStatus } from './notification.entity';
import { renderEmail } from './templates/render';

export type SendOutcome = 'sent' | 'already-sent' | 'unknown';

/** Renders and sends one notification, at most once: the row is locked while sending and marked sent. */
@Injectable()
export class NotificationSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    private readonly config: AppConfig,
    private readonly attachments: AttachmentRenderers,
  ) {}

  async send(notificationId: string): Promise<SendOutcome> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const notification = await tx.findOne(Notification, { where: { id: notificationId }, lock: { mode: 'pessimistic_write' } });
        if (!notification) return 'unknown';
        if (notification.status === NotificationStatus.Sent) return 'already-sent';
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
        await tx.update(Notification, notification.id, {
          status: NotificationStatus.Sent,
          sentAt: new Date(),
          attempts: notification.attempts + 1,
          lastError: null,
        });
        return 'sent';
      });
    } catch (error) {
      await this.dataSource.query(`UPDATE notification SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
        notificationId,
        (error as Error).message.slice(0, 1000),
      ]);
      throw error;
    }
  }

  /** After the last retry: the notification stays in the table as FAILED, and its job in the dashboard. */
  async markFailed(notificationId: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET status = $2 WHERE id = $1 AND status = $3`, [
      notificationId,
      NotificationStatus.Failed,
      NotificationStatus.Pending,
    ]);
  }
}
