import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingModule } from '@app/billing';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { CalendarSteps } from './calendar-steps.service';
import { EntriesService } from './entries.service';
import './templates';
import { REGISTRATION_ENTITIES } from './entities';

/** Company entries, and what the calendar does to them (reminders, close, exclusion, cancellation). */
@Module({
  imports: [TypeOrmModule.forFeature(REGISTRATION_ENTITIES), ContestModule, BillingModule, NotificationsModule],
  providers: [EntriesService, CalendarSteps],
  exports: [EntriesService, CalendarSteps],
})
export class RegistrationModule {}
