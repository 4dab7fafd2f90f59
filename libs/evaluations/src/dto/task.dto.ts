import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CHANNELS, CriterionDto, type Channel, type GridCriterion } from '@app/contest';
import { TaskStatus } from '@app/shoppers';
import { IdFilter, FreeText } from '@app/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;

/** limit (1..500, default 100) and offset. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be a whole number from 1 to ${MAX_PAGE}` })
  @Min(1, { message: `limit must be a whole number from 1 to ${MAX_PAGE}` })
  @Max(MAX_PAGE, { message: `limit must be a whole number from 1 to ${MAX_PAGE}` })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number from 0' })
  @Min(0, { message: 'offset must be a whole number from 0' })
  offset?: number;
}

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Object.values(TaskStatus) })
  @IsOptional()
  @IsIn(Object.values(TaskStatus), { message: `status must be one of ${Object.values(TaskStatus).join(', ')}` })
  status?: TaskStatus;

  @ApiPropertyOptional({ description: 'Tasks whose window ends at or after this instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 instant such as 2027-04-01T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({ description: 'Tasks whose window starts at or before this instant (ISO-8601)' })
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

/** A reason, 3 to 500 characters once trimmed. */
export class ReasonDto {
  @FreeText()
  @ApiProperty({ example: 'I know the branch manager personally', minLength: 3, maxLength: 500 })
  @Transform(trim)
  @IsString({ message: 'reason must be 3 to 500 characters long' })
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long' })
  reason: string;
}

const DATE_TIME = { type: String, format: 'date-time' } as const;
const TASK_STATUS = { enum: Object.values(TaskStatus), enumName: 'TaskStatus' } as const;

/** A task as shoppers and the jury read it: where, what, when, and the grid to fill in. */
export class TaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() companyName: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ description: 'The phone number, address or page to test' }) contactPoint: string;
  @ApiProperty() scenario: string;
  @ApiProperty(DATE_TIME) windowStart: Date;
  @ApiProperty(DATE_TIME) windowEnd: Date;
  @ApiProperty(TASK_STATUS) status: TaskStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) shopperId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The rejected or expired task this one replaces' })
  replacesTaskId: string | null;
  @ApiProperty({ type: [CriterionDto] }) grid: GridCriterion[];
}

/** A declined task, back in the pool. */
export class DeclinedTaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(TASK_STATUS) status: TaskStatus;
}
