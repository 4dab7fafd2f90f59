import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An invitation sent by the jury; accepting it (once) makes the shopper account. */
@Entity('shopper_invitation')
@Index('shopper_invitation_open_email', ['email'], { unique: true, where: 'accepted_at IS NULL' })
@Check('shopper_invitation_email_check', 'email = lower(email)')
@Check('shopper_invitation_weekly_capacity_check', 'weekly_capacity BETWEEN 1 AND 200')
export class ShopperInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true })
  sectors: string[];

  @Column({ name: 'weekly_capacity', type: 'int' })
  weeklyCapacity: number;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'shopper_invitation_invited_by_fkey' })
  invitedBy: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'shopper_invitation_user_id_fkey' })
  userId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
