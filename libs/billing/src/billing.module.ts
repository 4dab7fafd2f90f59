import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@app/notifications';
import { BillingService } from './billing.service';
import { CardPayments } from './card-payments';
import { BILLING_ENTITIES } from './entities';
import { InvoicePdfService } from './invoice-pdf.service';
import { PaymentsService } from './payments.service';
import { StandinCheckout } from './standin-checkout';
import './templates';

/** Invoices and credit notes (gapless numbering, PDF), card and bank payments. */
@Module({
  imports: [TypeOrmModule.forFeature(BILLING_ENTITIES), NotificationsModule],
  providers: [BillingService, PaymentsService, InvoicePdfService, CardPayments, StandinCheckout],
  exports: [BillingService, PaymentsService, InvoicePdfService, StandinCheckout],
})
export class BillingModule {}
