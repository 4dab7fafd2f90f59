import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@app/contest';
import { numericTransformer } from '@app/core';

export const EvaluationStatus = { Submitted: 'SUBMITTED', Approved: 'APPROVED', Rejected: 'REJECTED' } as const;
export type EvaluationStatus = (typeof EvaluationStatus)[keyof typeof EvaluationStatus];

/** A shopper's report on one task: points per criterion, measured facts, a comment. Never changed by its shopper. */
@Entity('evaluation')
export class Evaluation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Column({ name: 'shopper_id', type: 'uuid' })
  shopperId: string;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ name: 'performed_at', type: 'timestamptz' })
  performedAt: Date;

  /** criterion key → points. */
  @Column({ type: 'jsonb' })
  answers: Record<string, number>;

  /** waitSeconds (phone, chat), replyDelayHours (e-mail), resolved. */
  @Column({ type: 'jsonb' })
  facts: Record<string, unknown>;

  @Column({ type: 'text' })
  comment: string;

  /** Out of 20, from the grid's weights and maxima. */
  @Column({ type: 'numeric', precision: 8, scale: 4, transformer: numericTransformer })
  score: number;

  @Column({ type: 'text' })
  status: EvaluationStatus;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}
