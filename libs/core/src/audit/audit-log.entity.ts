import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One jury (or system) action, written by `audit()` in the transaction of the action itself. */
@Entity('audit_log')
@Index('audit_log_subject_idx', ['subjectType', 'subjectId'])
export class AuditLog {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'audit_log_actor_id_fkey' })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The tables core owns, as TypeORM entities (its database module registers them; the schema test checks them). */
export const CORE_ENTITIES = [AuditLog];
