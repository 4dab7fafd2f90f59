import { Module } from '@nestjs/common';
import { NotificationsProcessor } from '@app/notifications';
import { PlatformModule } from '@app/platform';

/** The same platform as the API, plus the queue processors; no HTTP. */
export const PROCESSORS = [NotificationsProcessor];

@Module({
  imports: [PlatformModule],
  providers: PROCESSORS,
})
export class WorkerModule {}
