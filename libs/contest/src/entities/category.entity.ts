import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { numericTransformer, oneOf } from '@app/core';
import type { GridCriterion, PerChannel, Scenario } from '../channels';

export const CategoryStatus = { Active: 'ACTIVE', Cancelled: 'CANCELLED' } as const;
export type CategoryStatus = (typeof CategoryStatus)[keyof typeof CategoryStatus];

/** A sector of one edition, with its fees, channel quotas and weights, grids and scenario bank. */
@Entity('category')
@Unique('category_code_per_edition', ['editionId', 'code'])
@Check('category_entry_fee_cents_check', 'entry_fee_cents >= 0')
@Check('category_licence_fee_cents_check', 'licence_fee_cents >= 0')
@Check('category_vat_rate_bp_check', 'vat_rate_bp BETWEEN 0 AND 10000')
@Check('category_min_entries_check', 'min_entries >= 1')
@Check('category_award_threshold_check', 'award_threshold BETWEEN 0 AND 20')
@Check('category_status_check', oneOf('status', Object.values(CategoryStatus)))
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  @ForeignKey('edition', { name: 'category_edition_id_fkey' })
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
  @Column({ name: 'vat_rate_bp', type: 'int', default: 2000 })
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

  @Column({ name: 'min_entries', type: 'int', default: 3 })
  minEntries: number;

  /** Minimum score out of 20 for the title. */
  @Column({ name: 'award_threshold', type: 'numeric', precision: 4, scale: 2, default: 12, transformer: numericTransformer })
  awardThreshold: number;

  @Column({ type: 'text', default: CategoryStatus.Active })
  status: CategoryStatus;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
