import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { oneOf } from '@app/core';

export const RefusalKind = { Declined: 'DECLINED', Expired: 'EXPIRED', Rejected: 'REJECTED' } as const;
export type RefusalKind = (typeof RefusalKind)[keyof typeof RefusalKind];

/** A shopper who may not take a task again: they declined it, or had it expire or rejected on its lineage. */
@Entity('task_refusal')
@Check('task_refusal_kind_check', oneOf('kind', Object.values(RefusalKind)))
export class TaskRefusal {
  @PrimaryColumn({ name: 'task_id', type: 'uuid' })
  @ForeignKey('task', { name: 'task_refusal_task_id_fkey' })
  taskId: string;

  @PrimaryColumn({ name: 'shopper_id', type: 'uuid' })
  @ForeignKey('shopper', { name: 'task_refusal_shopper_id_fkey' })
  shopperId: string;

  @Column({ type: 'text' })
  kind: RefusalKind;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
