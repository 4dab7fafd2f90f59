import { Module } from '@nestjs/common';
import { BillingModule } from '@app/billing';
import { CalendarModule } from '@app/calendar';
import { ContestModule } from '@app/contest';
import { CoreModule } from '@app/core';
import { NotificationsModule } from '@app/notifications';
import { ShoppersModule } from '@app/shoppers';
import { InvoiceRecovery } from './billing/invoice-recovery';
import { CalendarRecovery } from './calendar/calendar-recovery';
import { EditionCalendarProcessor } from './calendar/edition-calendar.processor';
import './notifications/email-templates';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { QueueReconciler } from './recovery/queue-reconciler';
import { SectorWorkers } from './shoppers/sector-workers';
import { TasksProcessor } from './shoppers/tasks.processor';

/** The queue consumers and the reconciler that rebuilds their queues from Postgres; no HTTP. */
const PROCESSORS = [InvoiceRecovery, NotificationsProcessor, EditionCalendarProcessor, CalendarRecovery, SectorWorkers, TasksProcessor, QueueReconciler];

/**
 * The domain modules the consumers need: the outbox (and billing's invoice PDFs it attaches), the calendar
 * and its steps, the tasks (generation, assignment, expiry, reminders).
 */
@Module({
  imports: [CoreModule, NotificationsModule, BillingModule, ContestModule, CalendarModule, ShoppersModule],
  providers: PROCESSORS,
})
export class WorkerModule {}
