import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A frozen snapshot of an edition's results; published once, never changed (a correction is a new version). */
@Entity('results_version')
@Unique('results_version_per_edition', ['editionId', 'version'])
@Check('results_version_version_check', 'version >= 1')
@Check('results_correction_has_reason', 'version = 1 OR reason IS NOT NULL')
export class ResultsVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  @ForeignKey('edition', { name: 'results_version_edition_id_fkey' })
  editionId: string;

  @Column({ type: 'int' })
  version: number;

  /** SHA-256 of the inputs: the approved evaluations and the rules' parameters. */
  @Column({ type: 'char', length: 64 })
  digest: string;

  /** Every figure that is or will be published, as computed at freeze. */
  @Column({ type: 'jsonb' })
  figures: unknown;

  /** Why this version corrects the previous one. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'frozen_by', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'results_version_frozen_by_fkey' })
  frozenBy: string | null;

  @Column({ name: 'frozen_at', type: 'timestamptz', default: () => 'now()' })
  frozenAt: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'results_version_published_by_fkey' })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
