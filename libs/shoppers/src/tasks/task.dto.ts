import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { IdFilter, PageQuery } from '@app/core';
import { TaskStatus } from '../entities/task.entity';

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Object.values(TaskStatus) })
  @IsOptional()
  @IsIn(Object.values(TaskStatus), { message: `status must be one of ${Object.values(TaskStatus).join(', ')}` })
  status?: TaskStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'Tasks whose window ends at or after this instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 instant such as 2027-04-01T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Tasks whose window starts at or before this instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 instant such as 2027-04-30T23:59:59Z' })
  to?: string;

  @IdFilter('an edition', 'Jury only')
  editionId?: string;

  @IdFilter('a category', 'Jury only')
  categoryId?: string;

  @IdFilter('a shopper', 'Jury only')
  shopperId?: string;

  @IdFilter('an entry', 'Jury only')
  entryId?: string;
}
