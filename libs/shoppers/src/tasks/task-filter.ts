import type { Page } from '@app/core';
import type { TaskStatus } from '../entities/task.entity';

/** Which tasks to list, a page at a time; a shopper always reads their own, the other filters are the jury's. */
export interface TaskFilter extends Page {
  status?: TaskStatus;
  /** Tasks whose window ends at or after this instant (ISO-8601). */
  from?: string;
  /** Tasks whose window starts at or before this instant (ISO-8601). */
  to?: string;
  editionId?: string;
  categoryId?: string;
  shopperId?: string;
  entryId?: string;
}
