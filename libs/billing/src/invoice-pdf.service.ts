import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EditionsService } from '@app/contest';
import { AttachmentRenderers } from '@app/notifications';
import { Invoice, InvoiceKind, InvoicePurpose } from './entities/invoice.entity';
import { INVOICE_PDF_ATTACHMENT } from './invoice-attachment';
import { renderInvoiceDocument } from './pdf/invoice-document';
import { DEFAULT_PAYMENT_TERM_DAYS } from './seller';
import { NotFoundError } from '@app/core';

/** Invoice and credit-note PDFs, for downloads and for e-mail attachments by reference. */
@Injectable()
export class InvoicePdfService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachmentRenderers: AttachmentRenderers,
    private readonly editions: EditionsService,
  ) {}

  onModuleInit(): void {
    this.attachmentRenderers.register(INVOICE_PDF_ATTACHMENT, (id) => this.render(id));
  }

  async render(invoiceId: string): Promise<Buffer> {
    const invoice = await this.dataSource.manager.findOneBy(Invoice, { id: invoiceId });
    if (!invoice) throw new NotFoundError(`invoice ${invoiceId} does not exist`);
    const edition = await this.editions.findOrFail(invoice.editionId);
    const credited = invoice.creditedInvoiceId ? await this.dataSource.manager.findOneByOrFail(Invoice, { id: invoice.creditedInvoiceId }) : null;
    return renderInvoiceDocument({
      invoice,
      timezone: edition.timezone,
      dueAt: invoice.kind === InvoiceKind.CreditNote ? null : dueDate(invoice, edition.paymentDueAt),
      credited: credited && { number: credited.number, issuedAt: credited.issuedAt },
    });
  }
}

/** An entry fee falls due at the edition's payment deadline (unpaid entries are excluded then); anything else 30 days after issue. */
export function dueDate(invoice: Invoice, editionPaymentDueAt: Date): Date {
  if (invoice.purpose === InvoicePurpose.EntryFee && editionPaymentDueAt > invoice.issuedAt) return editionPaymentDueAt;
  return new Date(invoice.issuedAt.getTime() + DEFAULT_PAYMENT_TERM_DAYS * 24 * 3600 * 1000);
}
