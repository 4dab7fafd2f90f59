import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EditionCalendar } from '@app/contest';

/**
 * Recovers the calendar at worker start-up (jobs lost with Redis, or left over from a change that could not
 * reach Redis). Declared by the worker, like the processors; not a provider of ContestModule.
 */
@Injectable()
export class CalendarRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(CalendarRecovery.name);

  constructor(private readonly calendar: EditionCalendar) {}

  async onApplicationBootstrap(): Promise<void> {
    const { editions, removed } = await this.calendar.rescheduleAll();
    this.logger.log(`Calendar recovered: ${editions} live edition(s) scheduled, ${removed} stale job(s) removed`);
  }
}
