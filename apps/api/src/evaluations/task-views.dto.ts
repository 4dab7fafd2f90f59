import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, type Channel, type GridCriterion } from '@app/contest';
import { CriterionDto } from '../contest/category.dto';
import { TaskStatus, type TaskView as ShopperTaskView } from '@app/shoppers';

const DATE_TIME = { type: String, format: 'date-time' } as const;
const TASK_STATUS = { enum: Object.values(TaskStatus), enumName: 'TaskStatus' } as const;

/** A task as shoppers and the jury read it: where, what, when, and the grid to fill in. */
export class TaskView implements ShopperTaskView {
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
