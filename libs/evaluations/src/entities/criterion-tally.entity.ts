import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Channel } from '@app/contest';
import { numericTransformer } from '@app/core';

/**
 * Σ points and the count of answers of the APPROVED evaluations per entry, channel and criterion: kept by
 * database triggers on `evaluation`, read by the rankings' criterion breakdown.
 */
@Entity('criterion_tally')
@Check('criterion_tally_points_check', 'points >= 0')
@Check('criterion_tally_answers_check', 'answers >= 0')
export class CriterionTally {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  @ForeignKey('entry', { name: 'criterion_tally_entry_id_fkey' })
  entryId: string;

  @PrimaryColumn({ type: 'text' })
  channel: Channel;

  @PrimaryColumn({ name: 'criterion_key', type: 'text' })
  criterionKey: string;

  @Column({ type: 'bigint', transformer: numericTransformer })
  points: number;

  @Column({ type: 'int' })
  answers: number;
}
