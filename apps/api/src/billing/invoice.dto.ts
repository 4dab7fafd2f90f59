import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { InvoiceStatus, type InvoiceKind, type InvoicePurpose, type PaymentMethod } from '@app/billing';
import type * as billing from '@app/billing';

export class ListInvoicesQuery implements billing.InvoiceFilter {
  @ApiPropertyOptional({ description: 'Jury only: the invoices of one company (a company user always reads its own)' })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;

  @ApiPropertyOptional({ description: 'The invoices of one edition' })
  @IsOptional()
  @IsUUID('all', { message: 'editionId must be a UUID' })
  editionId?: string;
}

export class PaymentView implements billing.PaymentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['CARD', 'BANK_TRANSFER'] }) method: PaymentMethod;
  @ApiProperty({ description: 'EUR cents' }) amountCents: number;
  @ApiProperty({ description: 'Bank reference of a transfer, or the provider’s payment id' }) reference: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: Date;
}

export class TransferInstructions implements billing.TransferInstructions {
  @ApiProperty({ example: 'FR76 3000 6000 0112 3456 7890 189' }) iban: string;
  @ApiProperty({ example: 'AGRIFRPPXXX' }) bic: string;
  @ApiProperty({ description: 'The account holder to name' }) beneficiary: string;
  @ApiProperty({ example: '2027-000042', description: 'To quote on the transfer: the invoice number' }) reference: string;
}

export class InvoiceView implements billing.InvoiceView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['INVOICE', 'CREDIT_NOTE'] }) kind: InvoiceKind;
  @ApiProperty({ enum: ['ENTRY_FEE', 'LICENCE'] }) purpose: InvoicePurpose;
  @ApiProperty({ example: '2027-000042', description: 'Sequential and gapless per edition' }) number: string;
  @ApiProperty() editionId: string;
  @ApiProperty() companyId: string;
  @ApiProperty({ nullable: true, type: String }) entryId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Credit note: the invoice it cancels' }) creditedInvoiceId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Invoice: the credit note that cancels it' }) creditNoteId: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String, description: 'Credit note: why it was issued' }) reason: string | null;
  @ApiProperty({ description: 'EUR cents; negative on a credit note' }) amountExclVatCents: number;
  @ApiProperty({ description: 'Basis points: 2000 is 20 %' }) vatRateBp: number;
  @ApiProperty({ description: 'EUR cents' }) vatCents: number;
  @ApiProperty({ description: 'EUR cents, VAT included' }) totalCents: number;
  @ApiProperty({ description: 'EU buyer outside France with a VAT number: no VAT, the buyer accounts for it' }) reverseCharge: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt: Date;
  @ApiProperty({ enum: Object.values(InvoiceStatus) }) status: InvoiceStatus;
  @ApiProperty({ type: [PaymentView] }) payments: PaymentView[];
  @ApiProperty({ example: '/api/invoices/9b1d…/pdf' }) pdfUrl: string;
  @ApiPropertyOptional({ type: TransferInstructions, nullable: true, description: 'How to pay by bank transfer, while the invoice is unpaid' })
  transfer: TransferInstructions | null;
}

export class CheckoutResponse implements billing.CheckoutResponse {
  @ApiProperty({ description: 'The payment provider’s hosted checkout page' }) url: string;
}
