import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@app/contest';
import { numericTransformer, oneOf } from '@app/core';

export const EvaluationStatus = { Submitted: 'SUBMITTED', Approved: 'APPROVED', Rejected: 'REJECTED' } as const;
export type EvaluationStatus = (typeof EvaluationStatus)[keyof typeof EvaluationStatus];

/** A shopper's report on one task: points per criterion, measured facts, a comment. Never changed by its shopper. */
@Entity('evaluation')
@Index('evaluation_status_idx', ['status', 'categoryId'])
@Index('evaluation_entry_idx', ['entryId'])
// The rankings' index-only pass over the approved evaluations (INCLUDE weighted_points, which TypeORM cannot
// state): made and kept by its migration, left alone by schema sync.
@Index('evaluation_approved_sums_idx', { synchronize: false })
// The inputs digest's index-only pass (INCLUDE inputs_hash): its migration's, like the one above.
@Index('evaluation_approved_digest_idx', { synchronize: false })
@Check('evaluation_score_check', 'score BETWEEN 0 AND 20')
@Check('evaluation_status_check', oneOf('status', Object.values(EvaluationStatus)))
export class Evaluation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid', unique: true })
  @ForeignKey('task', { name: 'evaluation_task_id_fkey' })
  taskId: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  @ForeignKey('entry', { name: 'evaluation_entry_id_fkey' })
  entryId: string;

  @Column({ name: 'category_id', type: 'uuid' })
  @ForeignKey('category', { name: 'evaluation_category_id_fkey' })
  categoryId: string;

  @Column({ name: 'shopper_id', type: 'uuid' })
  @ForeignKey('shopper', { name: 'evaluation_shopper_id_fkey' })
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

  @Column({ type: 'text', default: '' })
  comment: string;

  /** Out of 20, from the grid's weights and maxima. */
  @Column({ type: 'numeric', precision: 8, scale: 4, transformer: numericTransformer })
  score: number;

  @Column({ type: 'text', default: EvaluationStatus.Submitted })
  status: EvaluationStatus;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'evaluation_reviewed_by_fkey' })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  /** Σ(weight × 10 000 × points) of the answers: set by a database trigger, read by the rankings. */
  @Column({ name: 'weighted_points', type: 'bigint', insert: false, update: false, transformer: numericTransformer })
  weightedPoints: number;

  /** SHA-256 of the evaluation's line in the rankings' inputs digest: set by a database trigger, read by the digest. */
  @Column({ name: 'inputs_hash', type: 'bytea', insert: false, update: false, select: false })
  inputsHash: Buffer;
}
