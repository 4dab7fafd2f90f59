import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '@app/core';

export const NotificationStatus = { Pending: 'PENDING', Sent: 'SENT', Failed: 'FAILED' } as const;
export type NotificationStatus = (typeof NotificationStatus)[keyof typeof NotificationStatus];

/**
 * Either the bytes themselves, or a reference (`{ kind: 'invoice-pdf', id }`) rendered by the worker when
 * it sends, so that the transaction that writes the notification stays fast.
 */
export type NotificationAttachment = { filename: string; contentType: string } & ({ contentBase64: string } | { ref: AttachmentRef });

export interface AttachmentRef {
  kind: string;
  id: string;
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
