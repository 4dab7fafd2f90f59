import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type Locale, oneOf } from '@app/core';

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
@Index('notification_dedupe_key', ['dedupeKey'], { unique: true })
@Index('notification_pending_idx', ['createdAt'], { where: `status = '${NotificationStatus.Pending}'` })
@Check('notification_status_check', oneOf('status', Object.values(NotificationStatus)))
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale: Locale;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: NotificationAttachment[];

  /** Names the event, so the same event never yields two e-mails (`entry-registered:<entry>:<user>`). */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'text', default: NotificationStatus.Pending })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}

/** The tables notifications owns, as TypeORM entities (its module registers them; the schema test checks them). */
export const NOTIFICATIONS_ENTITIES = [Notification];
