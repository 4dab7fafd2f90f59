import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '@app/core';
import type { GridCriterion, PerChannel, Scenario } from '../channels';

export const CategoryStatus = { Active: 'ACTIVE', Cancelled: 'CANCELLED' } as const;
export type CategoryStatus = (typeof CategoryStatus)[keyof typeof CategoryStatus];

/** A sector of one edition, with its fees, channel quotas and weights, grids and scenario bank. */
@Entity('category')
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Excluding VAT. */
  @Column({ name: 'entry_fee_cents', type: 'int' })
  entryFeeCents: number;

  /** Excluding VAT. */
  @Column({ name: 'licence_fee_cents', type: 'int' })
  licenceFeeCents: number;

  /** Basis points: 2000 is 20 %. */
  @Column({ name: 'vat_rate_bp', type: 'int' })
  vatRateBp: number;

  @Column({ type: 'jsonb' })
  quotas: PerChannel<number>;

  /** Sum to 100 over the channels that have a quota. */
  @Column({ type: 'jsonb' })
  weights: PerChannel<number>;

  @Column({ type: 'jsonb' })
  grids: PerChannel<GridCriterion[]>;

  @Column({ type: 'jsonb' })
  scenarios: Scenario[];

  @Column({ name: 'min_entries', type: 'int' })
  minEntries: number;

  /** Minimum score out of 20 for the title. */
  @Column({ name: 'award_threshold', type: 'numeric', precision: 4, scale: 2, transformer: numericTransformer })
  awardThreshold: number;

  @Column({ type: 'text' })
  status: CategoryStatus;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
