import type { AttachmentRef } from '@app/notifications';
import { InvoiceKind, type Invoice } from './entities/invoice.entity';

/** The attachment kind whose renderer is the invoice PDF (registered by the billing module). */
export const INVOICE_PDF_ATTACHMENT = 'invoice-pdf';

/** `facture-2027-000001.pdf`, or `avoir-2027-000002.pdf` for a credit note. */
export function invoiceFileName(invoice: Pick<Invoice, 'kind' | 'number'>): string {
  return `${invoice.kind === InvoiceKind.CreditNote ? 'avoir' : 'facture'}-${invoice.number}.pdf`;
}

/** The invoice's PDF as an e-mail attachment by reference: the worker renders it when it sends. */
export function invoiceAttachment(invoice: Pick<Invoice, 'id' | 'kind' | 'number'>): { filename: string; contentType: string; ref: AttachmentRef } {
  return { filename: invoiceFileName(invoice), contentType: 'application/pdf', ref: { kind: INVOICE_PDF_ATTACHMENT, id: invoice.id } };
}
