import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { RegistrationModule } from '@app/registration';
import { BillingService } from './billing.service';
import { CardPayments } from './card-payments';
import { EntryFees } from './entry-fees.service';
import { BILLING_ENTITIES } from './entities';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoiceQueue } from './invoice-queue';
import { InvoicesRepository } from './invoices.repository';
import { PaymentsService } from './payments.service';
import { StandinCheckout } from './standin-checkout';
import './templates';

/** Invoices and credit notes (gapless numbering, PDF), card and bank payments; the entry fee along the entry's life. */
@Module({
  imports: [TypeOrmModule.forFeature(BILLING_ENTITIES), NotificationsModule, ContestModule, RegistrationModule],
  providers: [BillingService, PaymentsService, InvoicePdfService, CardPayments, StandinCheckout, InvoicesRepository, InvoiceQueue, EntryFees],
  exports: [BillingService, PaymentsService, InvoicePdfService, StandinCheckout, EntryFees, InvoiceQueue],
})
export class BillingModule {}
