import { Module } from '@nestjs/common';
import { BillingModule } from '@app/billing';
import { InvoicesController } from './invoices.controller';
import { PaymentsController } from './payments.controller';
import { StandinCheckoutController } from './standin-checkout.controller';

/** The routes of invoices, credit notes, card checkout (and its local stand-in), bank transfers and the payment provider's webhook. */
@Module({
  imports: [BillingModule],
  controllers: [InvoicesController, PaymentsController, StandinCheckoutController],
})
export class BillingApiModule {}
