import type { EntityManager } from 'typeorm';
import { EditionStatus } from '@app/contest';
import { AUDIT_LOG_SQL } from '@app/core';
import { EntryStatus } from '@app/registration';
import type { EntryFields } from '@app/registration';
import type { InvoiceView } from './invoice.types';

/** A step of an entry's history: what it became, and when. */
export interface TimelineStep {
  status: 'REGISTERED' | 'PAID' | 'CONFIRMED' | 'WITHDRAWN' | 'EXCLUDED' | 'IN_TEST' | 'RANKED';
  at: Date;
}

/** An entry with its entry-fee invoice, as the API shows it. */
export interface EntryView extends EntryFields {
  invoice: InvoiceView | null;
}

/** One entry as its page shows it: with its history, oldest first. */
export interface EntryDetailView extends EntryView {
  timeline: TimelineStep[];
}

type SharedStep = typeof EditionStatus.Testing | typeof EditionStatus.Published;

/**
 * The entry's history from its own instants, its fee's payment, and the edition's status changes in the audit
 * log for the steps every entry of the edition takes together (the test period, the publication).
 */
export async function entryTimeline(manager: EntityManager, view: EntryView): Promise<TimelineStep[]> {
  const editionSteps: { to: SharedStep; at: Date }[] = await manager.query(
    `SELECT details ->> 'to' AS "to", min(created_at) AS at FROM (${AUDIT_LOG_SQL}) a
      WHERE subject_type = 'edition' AND subject_id = $1 AND action = 'edition.status' AND details ->> 'to' = ANY($2)
      GROUP BY 1`,
    [view.editionId, [EditionStatus.Testing, EditionStatus.Published]],
  );
  const edition = (to: SharedStep) => editionSteps.find((s) => s.to === to)?.at ?? null;
  const tested = view.status === EntryStatus.InTest || view.status === EntryStatus.Ranked;
  // in the order an entry lives them (a card payment's instant is the provider's, to the second, so it may read
  // a little before the registration): withdrawal and exclusion end it
  const steps: [TimelineStep['status'], Date | null | undefined][] = [
    ['REGISTERED', view.createdAt],
    ['PAID', view.invoice?.payments[0]?.receivedAt],
    ['CONFIRMED', view.confirmedAt],
    ['IN_TEST', tested ? edition(EditionStatus.Testing) : null],
    ['RANKED', view.status === EntryStatus.Ranked ? edition(EditionStatus.Published) : null],
    ['WITHDRAWN', view.withdrawnAt],
    ['EXCLUDED', view.excludedAt],
  ];
  return steps.filter((step): step is [TimelineStep['status'], Date] => step[1] instanceof Date).map(([status, at]) => ({ status, at }));
}
