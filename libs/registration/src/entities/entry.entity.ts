import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@app/contest';

export const EntryStatus = {
  PendingPayment: 'PENDING_PAYMENT',
  Confirmed: 'CONFIRMED',
  InTest: 'IN_TEST',
  Ranked: 'RANKED',
  Withdrawn: 'WITHDRAWN',
  Excluded: 'EXCLUDED',
} as const;
export type EntryStatus = (typeof EntryStatus)[keyof typeof EntryStatus];

/** Entries still in the running before the test period: awaiting payment or paid. */
export const LIVE_ENTRY_STATUSES: EntryStatus[] = [EntryStatus.PendingPayment, EntryStatus.Confirmed];

export type ContactPoints = Partial<Record<Channel, string[]>>;

/** One company in one category of one edition. */
@Entity('entry')
export class Entry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ type: 'text' })
  status: EntryStatus;

  /** Channels without a contact point are not tested. */
  @Column({ name: 'contact_points', type: 'jsonb' })
  contactPoints: ContactPoints;

  @Column({ name: 'exclusion_reason', type: 'text', nullable: true })
  exclusionReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'excluded_at', type: 'timestamptz', nullable: true })
  excludedAt: Date | null;
}
