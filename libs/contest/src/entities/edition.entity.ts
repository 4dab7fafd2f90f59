import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '@app/core';

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
@Check('edition_year_check', 'year BETWEEN 2000 AND 2100')
@Check('edition_status_check', oneOf('status', Object.values(EditionStatus)))
@Check(
  'edition_calendar_order',
  `registration_opens_at < registration_deadline AND registration_deadline <= payment_due_at
   AND payment_due_at <= test_period_start AND test_period_start < test_period_end AND test_period_end <= results_publish_at`,
)
export class Edition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int', unique: true })
  year: number;

  @Column({ type: 'text' })
  name: string;

  /** IANA time zone, e.g. Europe/Paris. */
  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'text', default: EditionStatus.Draft })
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
