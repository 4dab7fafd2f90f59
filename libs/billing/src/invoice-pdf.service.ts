import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EDITIONS_SQL } from '@app/contest';
import { AttachmentRenderers } from '@app/notifications';
import { Invoice, InvoiceKind, InvoicePurpose } from './entities/invoice.entity';
import { INVOICE_PDF_ATTACHMENT } from './invoice-attachment';
import { renderInvoiceDocument } from './pdf/invoice-document';
import { DEFAULT_PAYMENT_TERM_DAYS } from './seller';
import { entityColumns, hydrate, NotFoundError } from '@app/core';

/** Invoice and credit-note PDFs, for downloads and for e-mail attachments by reference. */
@Injectable()
export class InvoicePdfService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachmentRenderers: AttachmentRenderers,
  ) {}

  onModuleInit(): void {
    this.attachmentRenderers.register(INVOICE_PDF_ATTACHMENT, (id) => this.render(id));
  }

  async render(invoiceId: string): Promise<Buffer> {
    // The invoice and what the document needs of its edition in one round trip: a registration rush e-mails one PDF per entry.
    const manager = this.dataSource.manager;
    const [row]: Record<string, unknown>[] = await manager.query(
      `SELECT ${entityColumns(manager, Invoice, 'i', 'i_')}, e.timezone, e.payment_due_at
         FROM invoice i JOIN (${EDITIONS_SQL}) e ON e.id = i.edition_id WHERE i.id = $1`,
      [invoiceId],
    );
    if (!row) throw new NotFoundError(`invoice ${invoiceId} does not exist`);
    const invoice = hydrate(manager, Invoice, row, 'i_');
    const credited = invoice.creditedInvoiceId ? await manager.findOneByOrFail(Invoice, { id: invoice.creditedInvoiceId }) : null;
    return renderInvoiceDocument({
      invoice,
      timezone: row.timezone as string,
      dueAt: invoice.kind === InvoiceKind.CreditNote ? null : dueDate(invoice, row.payment_due_at as Date),
      credited: credited && { number: credited.number, issuedAt: credited.issuedAt },
    });
  }
}

/** An entry fee falls due at the edition's payment deadline (unpaid entries are excluded then); anything else 30 days after issue. */
export function dueDate(invoice: Invoice, editionPaymentDueAt: Date): Date {
  if (invoice.purpose === InvoicePurpose.EntryFee && editionPaymentDueAt > invoice.issuedAt) return editionPaymentDueAt;
  return new Date(invoice.issuedAt.getTime() + DEFAULT_PAYMENT_TERM_DAYS * 24 * 3600 * 1000);
}
