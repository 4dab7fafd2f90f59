import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from '@app/core';
import { InvoiceAmounts } from './invoice-amounts';

export type { InvoiceBuyer } from './invoice-amounts';

export const InvoiceKind = { Invoice: 'INVOICE', CreditNote: 'CREDIT_NOTE' } as const;
export type InvoiceKind = (typeof InvoiceKind)[keyof typeof InvoiceKind];

export const InvoicePurpose = { EntryFee: 'ENTRY_FEE', Licence: 'LICENCE' } as const;
export type InvoicePurpose = (typeof InvoicePurpose)[keyof typeof InvoicePurpose];

/**
 * An invoice or a credit note. Issued once, never updated or deleted (a database trigger refuses it);
 * a credit note carries negative amounts and refers to the invoice it cancels.
 */
@Entity('invoice')
@Unique('invoice_sequence_per_edition', ['editionId', 'sequence'])
@Index('invoice_one_credit_note', ['creditedInvoiceId'], { unique: true, where: 'credited_invoice_id IS NOT NULL' })
@Index('invoice_company_idx', ['companyId'])
@Index('invoice_entry_idx', ['entryId'])
@Check('invoice_kind_check', oneOf('kind', Object.values(InvoiceKind)))
@Check('invoice_purpose_check', oneOf('purpose', Object.values(InvoicePurpose)))
@Check('invoice_total', 'total_cents = amount_excl_vat_cents + vat_cents')
@Check('invoice_credit_note_refers', `(kind = '${InvoiceKind.CreditNote}') = (credited_invoice_id IS NOT NULL)`)
export class Invoice extends InvoiceAmounts {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  @ForeignKey('edition', { name: 'invoice_edition_id_fkey' })
  editionId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'invoice_company_id_fkey' })
  companyId: string;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  @ForeignKey('entry', { name: 'invoice_entry_id_fkey' })
  entryId: string | null;

  @Column({ type: 'text' })
  kind: InvoiceKind;

  @Column({ type: 'text' })
  purpose: InvoicePurpose;

  /** Position in the edition's gapless sequence (1, 2, 3...). */
  @Column({ type: 'int' })
  sequence: number;

  /** `<year>-<sequence on 6 digits>`, e.g. 2027-000042. */
  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'credited_invoice_id', type: 'uuid', nullable: true })
  @ForeignKey('invoice', { name: 'invoice_credited_invoice_id_fkey' })
  creditedInvoiceId: string | null;

  /** Why a credit note was issued. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}
