import { Module } from '@nestjs/common';
import { BillingModule } from '@app/billing';
import { InvoicesController } from './invoices.controller';
import { PaymentsController } from './payments.controller';

/** The routes of invoices, credit notes, card checkout, bank transfers and the payment provider's webhook. */
@Module({
  imports: [BillingModule],
  controllers: [InvoicesController, PaymentsController],
})
export class BillingApiModule {}
