import { Module } from '@nestjs/common';
import { BillingModule } from '@app/billing';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { RegistrationModule } from '@app/registration';
import { CalendarSteps } from './calendar-steps.service';

/**
 * The timed steps of an edition's calendar (reminders, close, payment due, test period): what they do to
 * the entries (registration), their invoices (billing's credit notes) and the tasks (a generation job).
 * Scheduling them stays with the edition (contest's `EditionCalendar`); the worker runs them.
 */
@Module({
  imports: [ContestModule, RegistrationModule, BillingModule, NotificationsModule],
  providers: [CalendarSteps],
  exports: [CalendarSteps],
})
export class CalendarModule {}
