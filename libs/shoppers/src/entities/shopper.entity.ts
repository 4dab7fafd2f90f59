import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A mystery shopper's profile; its id is its user's id. Suspended shoppers get no task. */
@Entity('shopper')
export class Shopper {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
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
