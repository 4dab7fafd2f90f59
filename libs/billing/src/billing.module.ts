import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { RegistrationModule } from '@app/registration';
import { BillingService } from './billing.service';
import { CardPayments } from './card-payments';
import { Invoice } from './entities/invoice.entity';
import { EntryFees } from './entry-fees.service';
import { PaymentFlag } from './entities/payment-flag.entity';
import { Payment } from './entities/payment.entity';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoicesRepository } from './invoices.repository';
import { PaymentsService } from './payments.service';
import { StandinCheckout } from './standin-checkout';
import './templates';

/** Invoices and credit notes (gapless numbering, PDF), card and bank payments; the entry fee along the entry's life. */
@Module({
  imports: [TypeOrmModule.forFeature([Invoice, Payment, PaymentFlag]), NotificationsModule, ContestModule, RegistrationModule],
  providers: [BillingService, PaymentsService, InvoicePdfService, CardPayments, StandinCheckout, InvoicesRepository, EntryFees],
  exports: [BillingService, PaymentsService, InvoicePdfService, StandinCheckout, EntryFees],
})
export class BillingModule {}
