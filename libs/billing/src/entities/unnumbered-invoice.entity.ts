import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '@app/core';
import { InvoiceAmounts } from './invoice-amounts';
import { InvoicePurpose } from './invoice.entity';

/**
 * An invoice committed with the entry it bills, waiting for its number: the next numbering of its edition
 * moves it to `invoice` (same id) with its number and issue date. Only ever inserted and moved, never changed.
 */
@Entity('unnumbered_invoice')
@Index('unnumbered_invoice_edition_idx', ['editionId', 'queuedAt'])
@Check('unnumbered_invoice_purpose_check', oneOf('purpose', Object.values(InvoicePurpose)))
@Check('unnumbered_invoice_total', 'total_cents = amount_excl_vat_cents + vat_cents')
export class UnnumberedInvoice extends InvoiceAmounts {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  @ForeignKey('edition', { name: 'unnumbered_invoice_edition_id_fkey' })
  editionId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'unnumbered_invoice_company_id_fkey' })
  companyId: string;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  @ForeignKey('entry', { name: 'unnumbered_invoice_entry_id_fkey' })
  entryId: string | null;

  @Column({ type: 'text' })
  purpose: InvoicePurpose;

  /** Numbers are given out in this order. */
  @Column({ name: 'queued_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  queuedAt: Date;
}
