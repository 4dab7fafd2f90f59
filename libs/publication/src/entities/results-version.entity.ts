import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A frozen snapshot of an edition's results; published once, never changed (a correction is a new version). */
@Entity('results_version')
export class ResultsVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
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
  frozenBy: string | null;

  @Column({ name: 'frozen_at', type: 'timestamptz' })
  frozenAt: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
