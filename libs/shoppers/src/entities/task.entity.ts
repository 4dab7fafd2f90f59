import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@app/contest';

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
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @Column({ name: 'company_id', type: 'uuid' })
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

  @Column({ type: 'text' })
  status: TaskStatus;

  @Column({ name: 'shopper_id', type: 'uuid', nullable: true })
  shopperId: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  /** The rejected or expired task this one replaces. */
  @Column({ name: 'replaces_task_id', type: 'uuid', nullable: true })
  replacesTaskId: string | null;

  @Column({ name: 'due_soon_notified_at', type: 'timestamptz', nullable: true })
  dueSoonNotifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
