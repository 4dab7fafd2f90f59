import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A mystery shopper's profile; its id is its user's id. Suspended shoppers get no task. */
@Entity('shopper')
@Index('shopper_sectors_idx', ['sectors'], { type: 'gin' })
@Check('shopper_weekly_capacity_check', 'weekly_capacity BETWEEN 1 AND 200')
export class Shopper {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @ForeignKey('app_user', { name: 'shopper_user_id_fkey' })
  userId: string;

  @Column({ type: 'text' })
  name: string;

  /** Category codes the shopper is qualified for. */
  @Column({ type: 'text', array: true })
  sectors: string[];

  /** Tasks per week (Monday to Sunday in the edition's time zone). */
  @Column({ name: 'weekly_capacity', type: 'int' })
  weeklyCapacity: number;

  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
