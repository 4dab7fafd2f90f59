import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingModule } from '@app/billing';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { Entry } from './entities/entry.entity';

/** Company entries, and what the calendar does to them (reminders, close, exclusion, cancellation). */
@Module({
  imports: [TypeOrmModule.forFeature([Entry]), ContestModule, BillingModule, NotificationsModule],
  providers: [],
  exports: [],
})
export class RegistrationModule {}
