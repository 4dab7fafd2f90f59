import { Module } from '@nestjs/common';
import { CalendarRecovery } from '@app/contest';
import { NotificationsProcessor } from '@app/notifications';
import { EditionCalendarProcessor } from '@app/registration';
import { PlatformModule } from '@app/platform';

/** The same platform as the API, plus the queue processors and start-up recovery; no HTTP. */
export const PROCESSORS = [NotificationsProcessor, EditionCalendarProcessor, CalendarRecovery];

@Module({
  imports: [PlatformModule],
  providers: PROCESSORS,
})
export class WorkerModule {}
