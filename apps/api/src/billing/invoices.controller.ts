import { Body, Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthUser, Role } from '@app/accounts';
import { parseId } from '@app/core';
import { BillingService, invoiceFileName, InvoicePdfService, PaymentsService } from '@app/billing';
import { CheckoutResponse, InvoiceView, ListInvoicesQuery } from './invoice.dto';
import { RecordBankTransferDto } from './payment.dto';
import { CurrentUser, Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';
import { ApiPdfResponse } from '../http/api-pdf';

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly billing: BillingService,
    private readonly payments: PaymentsService,
    private readonly pdf: InvoicePdfService,
  ) {}

  /** Invoices and credit notes: a company's own; the jury's all, filtered by company and edition. */
  @Roles(Role.Company, Role.Jury)
  @Get()
  @ApiOkResponse({ type: [InvoiceView] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListInvoicesQuery): Promise<InvoiceView[]> {
    return this.billing.listInvoices(user, query);
  }

  @Roles(Role.Company, Role.Jury)
  @Get(':id')
  @ApiErrors(404)
  @ApiOkResponse({ type: InvoiceView })
  async get(@CurrentUser() user: AuthUser, @Param('id', parseId('invoice')) id: string): Promise<InvoiceView> {
    return this.billing.viewOf(await this.billing.findVisible(user, id));
  }

  /** The invoice or credit note as a PDF document (in French, as French law requires). */
  @Roles(Role.Company, Role.Jury)
  @Get(':id/pdf')
  @ApiErrors(404)
  @ApiPdfResponse()
  async pdfOf(@CurrentUser() user: AuthUser, @Param('id', parseId('invoice')) id: string): Promise<StreamableFile> {
    const invoice = await this.billing.findVisible(user, id);
    const bytes = await this.pdf.render(invoice.id);
    return new StreamableFile(bytes, { type: 'application/pdf', disposition: `attachment; filename="${invoiceFileName(invoice)}"`, length: bytes.length });
  }

  /** A hosted card checkout for the company's own unpaid invoice. */
  @Roles(Role.Company)
  @Post(':id/checkout')
  @ApiErrors(404, 409, 502, 503)
  @ApiCreatedResponse({ type: CheckoutResponse })
  checkout(@CurrentUser() user: AuthUser, @Param('id', parseId('invoice')) id: string): Promise<CheckoutResponse> {
    return this.payments.checkout(user, id);
  }

  /** The jury records a bank transfer, with its bank reference, that settles the invoice in full. */
  @Roles(Role.Jury)
  @Post(':id/bank-transfers')
  @ApiErrors(404, 409)
  @ApiCreatedResponse({ type: InvoiceView })
  recordBankTransfer(@CurrentUser() user: AuthUser, @Param('id', parseId('invoice')) id: string, @Body() dto: RecordBankTransferDto): Promise<InvoiceView> {
    return this.payments.recordBankTransfer(user, id, dto);
  }
}
