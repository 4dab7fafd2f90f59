import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@app/notifications';
import { Invoice } from './entities/invoice.entity';
import { PaymentFlag } from './entities/payment-flag.entity';
import { Payment } from './entities/payment.entity';

/** Invoices and credit notes (gapless numbering, PDF), card and bank payments. */
@Module({
  imports: [TypeOrmModule.forFeature([Invoice, Payment, PaymentFlag]), NotificationsModule],
  providers: [],
  exports: [],
})
export class BillingModule {}
