import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AppConfig } from '../config/app-config';

/**
 * Connections kept open and reused (one per message in flight): opening an SMTP session per message costs the
 * greeting, EHLO and QUIT round trips on both ends. A connection is renewed after `maxMessages`, as servers limit them.
 */
export const SMTP_POOL = { pool: true, maxConnections: 20, maxMessages: 100 } as const;

export type MailMessage = Pick<SendMailOptions, 'to' | 'subject' | 'text' | 'html' | 'attachments' | 'messageId' | 'headers'>;

/** nodemailer over pooled SMTP connections; the only place that talks to the mail server. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transporter = createTransport({ url: config.SMTP_URL, ...SMTP_POOL });
  }

  /**
   * The message is built in memory first: streamed as nodemailer composes it, it leaves in a dozen small socket
   * writes, which cost more than the bytes on a busy machine; built, it leaves in one.
   */
  async send(message: MailMessage): Promise<void> {
    const mime = new MailComposer({ from: this.config.MAIL_FROM, ...message }).compile();
    await this.transporter.sendMail({ envelope: mime.getEnvelope(), raw: await mime.build() });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
