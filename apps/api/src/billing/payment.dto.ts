import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, Length, Min } from 'class-validator';
import { Trim } from '@app/core';
import type * as billing from '@app/billing';

export class RecordBankTransferDto implements billing.BankTransfer {
  @ApiProperty({ example: 1641600, description: 'EUR cents received; must equal the invoice total' })
  @IsInt({ message: 'amountCents must be an integer number of cents' })
  @Min(1, { message: 'amountCents must be greater than 0' })
  amountCents: number;

  @ApiProperty({ example: 'VIR 2027-000042 BANQUE EXEMPLE', description: 'The bank reference of the transfer' })
  @Trim()
  @IsString({ message: 'reference must be the bank reference of the transfer' })
  @Length(1, 100, { message: 'reference must be 1 to 100 characters long' })
  reference: string;

  @ApiProperty({ example: '2027-02-14T10:00:00Z', description: 'When the money reached the account; not in the future' })
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO-8601 date, such as 2027-02-14 or 2027-02-14T10:00:00Z' })
  receivedAt: string;
}

export class PaymentFlagView implements billing.PaymentFlagView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) invoiceId: string | null;
  @ApiProperty({ nullable: true, type: String }) invoiceNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) providerEventId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'EUR cents received' }) amountCents: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'EUR cents expected (the invoice total)' }) expectedCents: number | null;
  @ApiProperty({ description: 'Why the payment was not recorded' }) reason: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class WebhookAck implements billing.WebhookAck {
  @ApiProperty() received: true;
  @ApiPropertyOptional({ description: 'The event had already been received: nothing was done' }) duplicate?: true;
  @ApiPropertyOptional({ enum: ['PAID', 'FLAGGED', 'IGNORED'], description: 'What the event did' }) outcome?: string;
}
