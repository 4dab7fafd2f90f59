import { Body, Controller, Get, NotFoundException, Param, Post, Query, StreamableFile, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { Role, type AuthUser } from '@app/accounts';
import {
  BillingService,
  CheckoutResponse,
  InvoiceView,
  ListInvoicesQuery,
  RecordBankTransferDto,
  invoiceFileName,
  InvoicePdfService,
  PaymentsService,
} from '@app/billing';
import { CurrentUser, Roles } from '../auth/decorators';

/** An id that is not even a UUID names no invoice: 404, like an id that does not exist. */
const InvoiceId: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!isUUID(value)) throw new NotFoundException(`invoice ${value} does not exist`);
    return value;
  },
};

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
  @ApiOkResponse({ type: InvoiceView })
  async get(@CurrentUser() user: AuthUser, @Param('id', InvoiceId) id: string): Promise<InvoiceView> {
    return this.billing.viewOf(await this.billing.findVisible(user, id));
  }

  /** The invoice or credit note as a PDF document (in French, as French law requires). */
  @Roles(Role.Company, Role.Jury)
  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF document', schema: { type: 'string', format: 'binary' } })
  async pdfOf(@CurrentUser() user: AuthUser, @Param('id', InvoiceId) id: string): Promise<StreamableFile> {
    const invoice = await this.billing.findVisible(user, id);
    const bytes = await this.pdf.render(invoice.id);
    return new StreamableFile(bytes, { type: 'application/pdf', disposition: `attachment; filename="${invoiceFileName(invoice)}"`, length: bytes.length });
  }

  /** A hosted card checkout for the company's own unpaid invoice. */
  @Roles(Role.Company)
  @Post(':id/checkout')
  @ApiOkResponse({ type: CheckoutResponse })
  checkout(@CurrentUser() user: AuthUser, @Param('id', InvoiceId) id: string): Promise<CheckoutResponse> {
    return this.payments.checkout(user, id);
  }

  /** The jury records a bank transfer, with its bank reference, that settles the invoice in full. */
  @Roles(Role.Jury)
  @Post(':id/bank-transfers')
  @ApiOkResponse({ type: InvoiceView })
  recordBankTransfer(@CurrentUser() user: AuthUser, @Param('id', InvoiceId) id: string, @Body() dto: RecordBankTransferDto): Promise<InvoiceView> {
    return this.payments.recordBankTransfer(user, id, dto);
  }
}
