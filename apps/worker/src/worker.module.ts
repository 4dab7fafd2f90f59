import { Module } from '@nestjs/common';
import { BillingModule } from '@app/billing';
import { ContestModule } from '@app/contest';
import { CoreModule } from '@app/core';
import { EvaluationsModule } from '@app/evaluations';
import { NotificationsModule } from '@app/notifications';
import { RegistrationModule } from '@app/registration';
import { ShoppersModule } from '@app/shoppers';
import { CalendarRecovery } from './contest/calendar-recovery';
import { TasksProcessor } from './evaluations/tasks.processor';
import './notifications/email-templates';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { EditionCalendarProcessor } from './registration/edition-calendar.processor';
import { QueueReconciler } from './recovery/queue-reconciler';
import { SectorWorkers } from './shoppers/sector-workers';

/** The queue consumers and the reconciler that rebuilds their queues from Postgres; no HTTP. */
const PROCESSORS = [NotificationsProcessor, EditionCalendarProcessor, CalendarRecovery, SectorWorkers, TasksProcessor, QueueReconciler];

/**
 * The domain modules the consumers need: the outbox (and billing's invoice PDFs it attaches), the calendar
 * and its steps, task generation, assignment and expiry.
 */
@Module({
  imports: [CoreModule, NotificationsModule, BillingModule, ContestModule, RegistrationModule, ShoppersModule, EvaluationsModule],
  providers: PROCESSORS,
})
export class WorkerModule {}
