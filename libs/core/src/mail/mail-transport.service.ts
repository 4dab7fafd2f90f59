import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export type MailMessage = Pick<SendMailOptions, 'to' | 'subject' | 'text' | 'html' | 'attachments' | 'messageId' | 'headers'>;

/** nodemailer over SMTP; the only place that talks to the mail server. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transporter = createTransport(config.SMTP_URL, { from: config.MAIL_FROM });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.config.MAIL_FROM, ...message });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
