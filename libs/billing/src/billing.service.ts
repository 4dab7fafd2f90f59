import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { type AuthUser, companyRecipients, Role } from '@app/accounts';
import { type Locale, formatEuros, isForeignKeyViolation, InvalidError, NotFoundError } from '@app/core';
import { EDITIONS_SQL } from '@app/contest';
import type { Outbox } from '@app/notifications';
import { EntriesService } from '@app/registration';
import { InvoiceStatus, type InvoiceView, type InvoiceFilter, type TransferInstructions } from './invoice.types';
import { Invoice, InvoiceKind, InvoicePurpose } from './entities/invoice.entity';
import { draftInvoice, type IssueInvoiceInput } from './invoice-draft';
import { Payment, PaymentMethod } from './entities/payment.entity';
import { InvoicesRepository } from './invoices.repository';
import { SELLER } from './seller';

export interface PaymentInput {
  method: PaymentMethod;
  amountCents: number;
  reference: string;
  receivedAt: Date;
  providerEventId: string | null;
  recordedBy: string | null;
}

const METHOD_LABELS: Record<Locale, Record<PaymentMethod, string>> = {
  fr: { CARD: 'carte bancaire', BANK_TRANSFER: 'virement bancaire' },
  en: { CARD: 'card', BANK_TRANSFER: 'bank transfer' },
};

/**
 * Invoices and credit notes: issued in the caller's transaction with a gapless number per edition, never
 * changed afterwards. What is paid or credited is derived when reading, from payments and credit notes.
 */
@Injectable()
export class BillingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entries: EntriesService,
    private readonly invoices: InvoicesRepository,
  ) {}

  /**
   * Issues an invoice in `tx`. The edition's counter row stays locked until `tx` ends, so numbers are
   * given out one transaction at a time: a transaction that rolls back gives its number back, none is skipped.
   */
  async issueInvoice(tx: EntityManager, input: IssueInvoiceInput): Promise<Invoice> {
    return this.insertNumbered(tx, { ...(await draftInvoice(tx, input)), kind: InvoiceKind.Invoice, creditedInvoiceId: null, reason: null });
  }

  /**
   * Cancels an invoice with a credit note of the opposite amounts, numbered in the same sequence.
   * Idempotent: an invoice already credited returns its credit note.
   */
  async issueCreditNote(tx: EntityManager, invoiceId: string, reason: string): Promise<Invoice> {
    // The lock serialises two cancellations (and a payment) of the same invoice; it fires no trigger.
    const invoice = await tx.findOne(Invoice, { where: { id: invoiceId }, lock: { mode: 'pessimistic_write' } });
    if (!invoice) throw new NotFoundError(`invoice ${invoiceId} does not exist`);
    if (invoice.kind === InvoiceKind.CreditNote)
      throw new InvalidError(`${invoice.number} is a credit note: a credit note cannot itself be credited`, 'INVOICE_IS_CREDIT_NOTE');
    const existing = await tx.findOneBy(Invoice, { creditedInvoiceId: invoice.id });
    if (existing) return existing;
    const why = reason.trim();
    if (!why) throw new InvalidError('a credit note needs a reason');
    return this.insertNumbered(tx, {
      editionId: invoice.editionId,
      companyId: invoice.companyId,
      entryId: invoice.entryId,
      kind: InvoiceKind.CreditNote,
      purpose: invoice.purpose,
      creditedInvoiceId: invoice.id,
      description: `Annulation de la facture ${invoice.number} : ${invoice.description}`,
      amountExclVatCents: -invoice.amountExclVatCents,
      vatRateBp: invoice.vatRateBp,
      vatCents: -invoice.vatCents,
      totalCents: -invoice.totalCents,
      reverseCharge: invoice.reverseCharge,
      buyer: invoice.buyer,
      reason: why,
    });
  }

  /**
   * Records the payment of an invoice the caller has locked and checked, confirms the entry a paid entry
   * fee is for, and writes the "payment received" e-mail to every user of the company, all in the outbox's
   * transaction (a failure rolls the payment back).
   */
  async recordPayment(outbox: Outbox, invoice: Invoice, input: PaymentInput): Promise<Payment> {
    const tx = outbox.tx;
    const payment = await tx.save(tx.create(Payment, { invoiceId: invoice.id, ...input }));
    if (invoice.purpose === InvoicePurpose.EntryFee && invoice.entryId)
      await this.entries.confirmOnPayment(tx, { id: invoice.entryId, editionId: invoice.editionId }, payment.receivedAt);
    const users = await companyRecipients(tx, [invoice.companyId]);
    await outbox.notify(
      ...users.map((user) => ({
        template: 'payment-received' as const,
        to: user.email,
        locale: user.locale,
        data: {
          companyName: invoice.buyer.legalName,
          invoiceNumber: invoice.number,
          amount: formatEuros(payment.amountCents, user.locale),
          method: METHOD_LABELS[user.locale === 'en' ? 'en' : 'fr'][payment.method],
        },
        dedupeKey: `payment-received:${invoice.id}:${user.userId}`,
      })),
    );
    return payment;
  }

  /** An invoice that has its number (numbered by another process, or by the reconciler). */
  async numbered(invoiceId: string): Promise<Invoice> {
    const invoice = await this.dataSource.manager.findOneBy(Invoice, { id: invoiceId });
    if (!invoice) throw new Error(`invoice ${invoiceId} was committed but has no number after its edition's numbering`);
    return invoice;
  }

  /** The invoice (not credit note) of this purpose issued for an entry, if any. */
  async invoiceOfEntry(manager: EntityManager, entryId: string, purpose: InvoicePurpose): Promise<Invoice | null> {
    return manager.findOneBy(Invoice, { entryId, purpose, kind: InvoiceKind.Invoice });
  }

  /** The API shape of invoices (status derived from payments and credit notes), by id; unknown ids are left out. */
  async invoiceViews(invoiceIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, InvoiceView>> {
    if (invoiceIds.length === 0) return new Map();
    const invoices = await manager.findBy(Invoice, { id: In([...new Set(invoiceIds)]) });
    return new Map((await this.toViews(manager, invoices)).map((view) => [view.id, view]));
  }

  /** A company user reads its company's invoices; the jury reads all, optionally by company and edition. */
  async listInvoices(user: AuthUser, query: InvoiceFilter): Promise<InvoiceView[]> {
    const where: FindOptionsWhere<Invoice> = {};
    if (user.role === Role.Jury) {
      if (query.companyId) where.companyId = query.companyId;
    } else {
      if (!user.companyId) return [];
      where.companyId = user.companyId;
    }
    if (query.editionId) where.editionId = query.editionId;
    const manager = this.dataSource.manager;
    const invoices = await manager.find(Invoice, { where, order: { issuedAt: 'DESC', sequence: 'DESC' } });
    return this.toViews(manager, invoices);
  }

  /** An invoice the user may read; another company's invoice is answered exactly like a missing one. */
  async findVisible(user: AuthUser, invoiceId: string, manager: EntityManager = this.dataSource.manager): Promise<Invoice> {
    const invoice = await manager.findOneBy(Invoice, { id: invoiceId });
    if (!invoice || (user.role !== Role.Jury && invoice.companyId !== user.companyId)) throw new NotFoundError(`invoice ${invoiceId} does not exist`);
    return invoice;
  }

  async viewOf(invoice: Invoice, manager: EntityManager = this.dataSource.manager): Promise<InvoiceView> {
    return (await this.toViews(manager, [invoice]))[0];
  }

  /** The payment of an invoice and the credit note that cancels it, if any (read in `manager`'s transaction). */
  async settlementOf(manager: EntityManager, invoiceId: string): Promise<{ payment: Payment | null; creditNote: Invoice | null }> {
    const [payment, creditNote] = await Promise.all([manager.findOneBy(Payment, { invoiceId }), manager.findOneBy(Invoice, { creditedInvoiceId: invoiceId })]);
    return { payment, creditNote };
  }

  /**
   * Inserts the invoice with the edition's next number, in one statement: the counter row is incremented
   * first and stays locked until `tx` ends, so numbers are given out one transaction at a time, and a
   * transaction that rolls back gives its number back (none is skipped). One statement keeps the time the
   * lock is held short. `clock_timestamp()` is read once the counter is ours: issue dates follow the numbers.
   */
  private async insertNumbered(tx: EntityManager, fields: Omit<Invoice, 'id' | 'issuedAt' | 'sequence' | 'number'>): Promise<Invoice> {
    const rows: { id: string; sequence: number; number: string; issued_at: Date }[] = await tx
      .query(
        `WITH next AS (
         INSERT INTO invoice_counter (edition_id, last_number) VALUES ($1, 1)
         ON CONFLICT (edition_id) DO UPDATE SET last_number = invoice_counter.last_number + 1
         RETURNING last_number)
       INSERT INTO invoice (edition_id, company_id, entry_id, kind, purpose, sequence, number, credited_invoice_id, description,
                            amount_excl_vat_cents, vat_rate_bp, vat_cents, total_cents, reverse_charge, buyer, reason, issued_at)
       SELECT $1, $2, $3, $4, $5, next.last_number, edition.year || '-' || lpad(next.last_number::text, 6, '0'), $6, $7,
              $8, $9, $10, $11, $12, $13, $14, clock_timestamp()
         FROM next JOIN (${EDITIONS_SQL}) edition ON edition.id = $1
       RETURNING id, sequence, number, issued_at`,
        [
          fields.editionId,
          fields.companyId,
          fields.entryId,
          fields.kind,
          fields.purpose,
          fields.creditedInvoiceId,
          fields.description,
          fields.amountExclVatCents,
          fields.vatRateBp,
          fields.vatCents,
          fields.totalCents,
          fields.reverseCharge,
          JSON.stringify(fields.buyer),
          fields.reason,
        ],
      )
      .catch((error: unknown) => {
        if (isForeignKeyViolation(error, 'invoice_counter_edition_id_fkey')) throw new NotFoundError(`edition ${fields.editionId} does not exist`);
        throw error;
      });
    if (rows.length === 0) throw new NotFoundError(`edition ${fields.editionId} does not exist`);
    const [row] = rows;
    return Object.assign(new Invoice(), fields, { id: row.id, sequence: row.sequence, number: row.number, issuedAt: row.issued_at });
  }

  private async toViews(manager: EntityManager, invoices: Invoice[]): Promise<InvoiceView[]> {
    if (invoices.length === 0) return [];
    const ids = invoices.map((i) => i.id);
    const payments = await manager.find(Payment, { where: { invoiceId: In(ids) }, order: { receivedAt: 'ASC' } });
    const creditNoteOf = await this.invoices.creditNotesOf(manager, ids);
    return invoices.map((invoice) =>
      toInvoiceView(
        invoice,
        payments.filter((p) => p.invoiceId === invoice.id),
        creditNoteOf.get(invoice.id) ?? null,
      ),
    );
  }
}

/** The API shape of an invoice; its status is derived from its payments and the credit note that cancels it. */
export function toInvoiceView(invoice: Invoice, paid: Payment[], creditNoteId: string | null): InvoiceView {
  const status =
    invoice.kind === InvoiceKind.CreditNote
      ? InvoiceStatus.Issued
      : creditNoteId
        ? InvoiceStatus.Credited
        : paid.length > 0
          ? InvoiceStatus.Paid
          : InvoiceStatus.Unpaid;
  return {
    id: invoice.id,
    kind: invoice.kind,
    purpose: invoice.purpose,
    number: invoice.number,
    editionId: invoice.editionId,
    companyId: invoice.companyId,
    entryId: invoice.entryId,
    creditedInvoiceId: invoice.creditedInvoiceId,
    creditNoteId,
    description: invoice.description,
    reason: invoice.reason,
    amountExclVatCents: invoice.amountExclVatCents,
    vatRateBp: invoice.vatRateBp,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
    reverseCharge: invoice.reverseCharge,
    issuedAt: invoice.issuedAt,
    status,
    payments: paid.map((p) => ({ id: p.id, method: p.method, amountCents: p.amountCents, reference: p.reference, receivedAt: p.receivedAt })),
    pdfUrl: `/api/invoices/${invoice.id}/pdf`,
    transfer: status === InvoiceStatus.Unpaid ? transferInstructions(invoice) : null,
  };
}

/** How to pay an invoice by bank transfer: the seller's account, and the invoice number as the reference to quote. */
function transferInstructions(invoice: Invoice): TransferInstructions {
  return { iban: SELLER.bank.iban, bic: SELLER.bank.bic, beneficiary: SELLER.name, reference: invoice.number };
}
