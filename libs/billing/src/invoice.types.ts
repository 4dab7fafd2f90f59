import type { InvoiceKind, InvoicePurpose } from './entities/invoice.entity';
import type { PaymentMethod } from './entities/payment.entity';

/** Derived when read: the invoice row itself never changes. Credit notes are always ISSUED. */
export const InvoiceStatus = { Unpaid: 'UNPAID', Paid: 'PAID', Credited: 'CREDITED', Issued: 'ISSUED' } as const;
export type InvoiceStatus = (typeof InvoiceStatus)[keyof typeof InvoiceStatus];

/** Which invoices to list: a company user always reads its own company's. */
export interface InvoiceFilter {
  companyId?: string;
  editionId?: string;
}

export interface PaymentView {
  id: string;
  method: PaymentMethod;
  amountCents: number;
  reference: string;
  receivedAt: Date;
}

export interface TransferInstructions {
  iban: string;
  bic: string;
  beneficiary: string;
  reference: string;
}

export interface InvoiceView {
  id: string;
  kind: InvoiceKind;
  purpose: InvoicePurpose;
  number: string;
  editionId: string;
  companyId: string;
  entryId: string | null;
  creditedInvoiceId: string | null;
  creditNoteId: string | null;
  description: string;
  reason: string | null;
  amountExclVatCents: number;
  vatRateBp: number;
  vatCents: number;
  totalCents: number;
  reverseCharge: boolean;
  issuedAt: Date;
  status: InvoiceStatus;
  payments: PaymentView[];
  pdfUrl: string;
  transfer: TransferInstructions | null;
}

export interface CheckoutResponse {
  url: string;
}
