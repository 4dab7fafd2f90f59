import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@app/notifications';
import { BillingService } from './billing.service';
import { CardPayments } from './card-payments';
import { Invoice } from './entities/invoice.entity';
import { PaymentFlag } from './entities/payment-flag.entity';
import { Payment } from './entities/payment.entity';
import { InvoicePdfService } from './invoice-pdf.service';
import { PaymentsService } from './payments.service';
import { StandinCheckout } from './standin-checkout';
import './templates';

/** Invoices and credit notes (gapless numbering, PDF), card and bank payments. */
@Module({
  imports: [TypeOrmModule.forFeature([Invoice, Payment, PaymentFlag]), NotificationsModule],
  providers: [BillingService, PaymentsService, InvoicePdfService, CardPayments, StandinCheckout],
  exports: [BillingService, PaymentsService, InvoicePdfService, StandinCheckout],
})
export class BillingModule {}
