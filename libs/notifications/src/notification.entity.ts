import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '@app/accounts';

export const NotificationStatus = { Pending: 'PENDING', Sent: 'SENT', Failed: 'FAILED' } as const;
export type NotificationStatus = (typeof NotificationStatus)[keyof typeof NotificationStatus];

export interface NotificationAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** One e-mail to send: a row of the transactional outbox, written with the change that causes it. */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'varchar', length: 2 })
  locale: Locale;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  attachments: NotificationAttachment[];

  /** Names the event, so the same event never yields two e-mails (`entry-registered:<entry>:<user>`). */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'text' })
  status: NotificationStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
