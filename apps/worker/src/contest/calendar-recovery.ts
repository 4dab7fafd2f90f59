import { Injectable } from '@nestjs/common';
import { EditionCalendar } from '@app/contest';
import type { Reconciles } from '../recovery/reconciles';

/**
 * Re-schedules the calendar of every live edition (jobs lost with Redis, or left over from a change that could not
 * reach Redis); run by the worker's reconciler. A step re-added after it ran finds the edition past it and does nothing.
 */
@Injectable()
export class CalendarRecovery implements Reconciles {
  constructor(private readonly calendar: EditionCalendar) {}

  async reconcile(): Promise<string | null> {
    const { editions, removed } = await this.calendar.rescheduleAll();
    return removed > 0 ? `${editions} live edition(s) scheduled, ${removed} stale job(s) removed` : null;
  }
}
