import { ApiProperty } from '@nestjs/swagger';
import { InvoiceView } from '../billing/invoice.dto';
import { type EntryDetailView as EntryDetail, type EntryView as EntryWithInvoice } from '@app/billing';
import { EntryStatus } from '@app/registration';
import { ContactPointsDto } from './entry.dto';

/** An entry as its company and the jury read it, with its entry-fee invoice. */
export class EntryView implements EntryWithInvoice {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ enum: Object.values(EntryStatus), enumName: 'EntryStatus' }) status: EntryStatus;
  @ApiProperty({ type: ContactPointsDto }) contactPoints: ContactPointsDto;
  @ApiProperty({ type: String, nullable: true, description: 'Why the entry was excluded (unpaid at the due date...)' }) exclusionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) excludedAt: Date | null;
  @ApiProperty({ type: InvoiceView, nullable: true, description: 'The entry’s entry-fee invoice; null if none was issued' }) invoice: InvoiceView | null;
}

export const TIMELINE_STEPS = ['REGISTERED', 'PAID', 'CONFIRMED', 'WITHDRAWN', 'EXCLUDED', 'IN_TEST', 'RANKED'] as const;

/** A step of an entry's history: what it became, and when. */
export class TimelineStep {
  @ApiProperty({ enum: TIMELINE_STEPS, enumName: 'TimelineStepStatus' }) status: (typeof TIMELINE_STEPS)[number];
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
}

/** One entry as its page shows it: with its history, oldest first. */
export class EntryDetailView extends EntryView implements EntryDetail {
  @ApiProperty({ type: [TimelineStep], description: 'Oldest first' }) timeline: TimelineStep[];
}
