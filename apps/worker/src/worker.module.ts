import { Module } from '@nestjs/common';
import { CalendarRecovery } from '@app/contest';
import { TasksProcessor } from '@app/evaluations';
import { NotificationsProcessor } from '@app/notifications';
import { EditionCalendarProcessor } from '@app/registration';
import { PlatformModule } from '@app/platform';
import { SectorWorkers } from '@app/shoppers';

/** The same platform as the API, plus the queue processors and start-up recovery; no HTTP. */
export const PROCESSORS = [NotificationsProcessor, EditionCalendarProcessor, CalendarRecovery, SectorWorkers, TasksProcessor];

@Module({
  imports: [PlatformModule],
  providers: PROCESSORS,
})
export class WorkerModule {}
