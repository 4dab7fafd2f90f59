import { Module } from '@nestjs/common';
import { BillingModule } from '@app/billing';
import { RegistrationModule } from '@app/registration';
import { EntriesController } from './entries.controller';

/** The routes of company entries; billing issues, credits and reads their entry-fee invoices. */
@Module({
  imports: [RegistrationModule, BillingModule],
  controllers: [EntriesController],
})
export class RegistrationApiModule {}
