import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingModule } from '@app/billing';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { CalendarSteps } from './calendar-steps.service';
import { Entry } from './entities/entry.entity';
import { EntriesService } from './entries.service';
import './templates';

/** Company entries, and what the calendar does to them (reminders, close, exclusion, cancellation). */
@Module({
  imports: [TypeOrmModule.forFeature([Entry]), ContestModule, BillingModule, NotificationsModule],
  providers: [EntriesService, CalendarSteps],
  exports: [EntriesService, CalendarSteps],
})
export class RegistrationModule {}
