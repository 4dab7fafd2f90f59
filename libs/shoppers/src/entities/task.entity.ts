import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CHANNELS, type Channel } from '@app/contest';
import { oneOf } from '@app/core';

export const TaskStatus = {
  Pending: 'PENDING',
  Assigned: 'ASSIGNED',
  Submitted: 'SUBMITTED',
  Approved: 'APPROVED',
  Rejected: 'REJECTED',
  Expired: 'EXPIRED',
  Unassignable: 'UNASSIGNABLE',
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** One test of one entry on one channel, with its scenario and time window, done by one shopper. */
@Entity('task')
// Generation is idempotent: one original task per entry, channel and slot; one replacement per task.
@Index('task_original_slot', ['entryId', 'channel', 'slot'], { unique: true, where: 'replaces_task_id IS NULL' })
@Index('task_one_replacement', ['replacesTaskId'], { unique: true, where: 'replaces_task_id IS NOT NULL' })
@Index('task_shopper_status_idx', ['shopperId', 'status'])
@Index('task_category_status_idx', ['categoryId', 'status'])
@Index('task_status_window_end_idx', ['status', 'windowEnd'])
@Index('task_digest_pending_idx', ['shopperId'], { where: `status = '${TaskStatus.Assigned}' AND digest_sent_at IS NULL` })
@Index('task_pending_idx', ['categoryId'], { where: `status = '${TaskStatus.Pending}'` })
@Check('task_channel_check', oneOf('channel', CHANNELS))
@Check('task_status_check', oneOf('status', Object.values(TaskStatus)))
@Check('task_window', 'window_start < window_end')
@Check('task_assigned_has_shopper', `(${oneOf('status', [TaskStatus.Pending, TaskStatus.Unassignable])}) = (shopper_id IS NULL)`)
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  @ForeignKey('edition', { name: 'task_edition_id_fkey' })
  editionId: string;

  @Column({ name: 'category_id', type: 'uuid' })
  @ForeignKey('category', { name: 'task_category_id_fkey' })
  categoryId: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  @ForeignKey('entry', { name: 'task_entry_id_fkey' })
  entryId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'task_company_id_fkey' })
  companyId: string;

  @Column({ type: 'text' })
  channel: Channel;

  /** Position among the entry's tasks on this channel (0 .. quota-1); makes generation idempotent. */
  @Column({ type: 'int' })
  slot: number;

  @Column({ name: 'contact_point', type: 'text' })
  contactPoint: string;

  @Column({ type: 'text' })
  scenario: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ name: 'window_end', type: 'timestamptz' })
  windowEnd: Date;

  /** Monday of the window's week in the edition's time zone: the week whose capacity the task uses. */
  @Column({ name: 'week_start', type: 'date' })
  weekStart: string;

  @Column({ type: 'text', default: TaskStatus.Pending })
  status: TaskStatus;

  @Column({ name: 'shopper_id', type: 'uuid', nullable: true })
  @ForeignKey('shopper', { name: 'task_shopper_id_fkey' })
  shopperId: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  /** The rejected or expired task this one replaces. */
  @Column({ name: 'replaces_task_id', type: 'uuid', nullable: true })
  @ForeignKey('task', { name: 'task_replaces_task_id_fkey' })
  replacesTaskId: string | null;

  @Column({ name: 'due_soon_notified_at', type: 'timestamptz', nullable: true })
  dueSoonNotifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the task was listed in its shopper's "tasks assigned" digest; reset when the task leaves the shopper. */
  @Column({ name: 'digest_sent_at', type: 'timestamptz', nullable: true })
  digestSentAt: Date | null;
}
