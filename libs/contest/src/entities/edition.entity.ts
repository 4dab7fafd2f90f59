import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EditionStatus = {
  Draft: 'DRAFT',
  Open: 'OPEN',
  Closed: 'CLOSED',
  Testing: 'TESTING',
  Scoring: 'SCORING',
  Published: 'PUBLISHED',
} as const;
export type EditionStatus = (typeof EditionStatus)[keyof typeof EditionStatus];

/** One year of the contest and its calendar; every instant is UTC, computed in `timezone`. */
@Entity('edition')
export class Edition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  name: string;

  /** IANA time zone, e.g. Europe/Paris. */
  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'text' })
  status: EditionStatus;

  @Column({ name: 'registration_opens_at', type: 'timestamptz' })
  registrationOpensAt: Date;

  @Column({ name: 'registration_deadline', type: 'timestamptz' })
  registrationDeadline: Date;

  @Column({ name: 'payment_due_at', type: 'timestamptz' })
  paymentDueAt: Date;

  @Column({ name: 'test_period_start', type: 'timestamptz' })
  testPeriodStart: Date;

  @Column({ name: 'test_period_end', type: 'timestamptz' })
  testPeriodEnd: Date;

  @Column({ name: 'results_publish_at', type: 'timestamptz' })
  resultsPublishAt: Date;

  @Column({ name: 'results_frozen_at', type: 'timestamptz', nullable: true })
  resultsFrozenAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
