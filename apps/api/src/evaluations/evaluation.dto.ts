import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { CHANNELS, type Channel } from '@app/contest';
import { perCriterionSchema } from '../http/per-channel.schema';
import { FreeText } from '@app/core';
import { IdFilter } from '../http/id-filter';
import { PageQuery } from '../http/page-query';
import { EvaluationStatus } from '@app/evaluations';
import type * as evaluations from '@app/evaluations';

/** An ISO-8601 instant with its offset (`Z` or `+02:00`): when the test was performed. */
export const ISO_INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const PERFORMED_AT_MESSAGE = 'performedAt must be an ISO-8601 instant with its offset, such as 2027-04-02T09:30:00+02:00';

/** Measured facts: wait (phone, chat), reply delay (e-mail), and whether the request was resolved. */
export class FactsDto implements evaluations.Facts {
  @ApiPropertyOptional({ minimum: 0, description: 'Seconds before a person answered; required for PHONE and CHAT' })
  @IsOptional()
  @IsInt({ message: 'facts.waitSeconds must be a whole number of seconds, 0 or more' })
  @Min(0, { message: 'facts.waitSeconds must be a whole number of seconds, 0 or more' })
  waitSeconds?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Hours before the reply; required for EMAIL' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'facts.replyDelayHours must be a number of hours, 0 or more' })
  @Min(0, { message: 'facts.replyDelayHours must be a number of hours, 0 or more' })
  replyDelayHours?: number;

  @ApiProperty({ description: 'Whether the request was resolved' })
  @IsBoolean({ message: 'facts.resolved must be true or false' })
  resolved: boolean;
}

export class SubmitEvaluationDto implements evaluations.EvaluationSubmission {
  @ApiProperty({ example: '2027-04-02T09:30:00+02:00', description: 'Inside the task window, not in the future' })
  @IsString({ message: PERFORMED_AT_MESSAGE })
  @Matches(ISO_INSTANT_WITH_OFFSET, { message: PERFORMED_AT_MESSAGE })
  performedAt: string;

  @ApiProperty({ example: { greeting: 3, answer: 4 }, description: 'Points per criterion key of the channel grid, each from 0 to its max' })
  @IsObject({ message: 'answers must be an object giving the points of each criterion, such as { "greeting": 3 }' })
  answers: Record<string, number>;

  @ApiProperty({ type: FactsDto })
  @IsObject({ message: 'facts must be an object such as { "waitSeconds": 45, "resolved": true }' })
  @ValidateNested()
  @Type(() => FactsDto)
  facts: FactsDto;

  @FreeText()
  @ApiPropertyOptional({ maxLength: 5000, default: '' })
  @IsOptional()
  @IsString({ message: 'comment must be text of at most 5000 characters' })
  @MaxLength(5000, { message: 'comment must be text of at most 5000 characters' })
  comment?: string;
}

export class ListEvaluationsQuery extends PageQuery implements evaluations.EvaluationFilter {
  @ApiPropertyOptional({ enum: Object.values(EvaluationStatus) })
  @IsOptional()
  @IsIn(Object.values(EvaluationStatus), { message: `status must be one of ${Object.values(EvaluationStatus).join(', ')}` })
  status?: EvaluationStatus;

  @IdFilter('an edition')
  editionId?: string;

  @IdFilter('a category')
  categoryId?: string;

  @IdFilter('a shopper')
  shopperId?: string;
}

const DATE_TIME = { type: String, format: 'date-time' } as const;

/** An evaluation as the jury reviews it and its shopper submitted it. */
export class EvaluationView implements evaluations.EvaluationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty({ format: 'uuid' }) shopperId: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel: Channel;
  @ApiProperty(DATE_TIME) performedAt: Date;
  @ApiProperty(perCriterionSchema({ type: 'integer', minimum: 0 })) answers: Record<string, number>;
  @ApiProperty({ type: FactsDto }) facts: Record<string, unknown>;
  @ApiProperty() comment: string;
  @ApiProperty({ enum: Object.values(EvaluationStatus), enumName: 'EvaluationStatus' }) status: EvaluationStatus;
  @ApiProperty({ minimum: 0, maximum: 20, description: 'Out of 20, from the grid’s weights and maxima' }) score: number;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewedBy: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) reviewedAt: Date | null;
  @ApiProperty(DATE_TIME) submittedAt: Date;
}

/** A rejected evaluation, and the task that replaces its task (null when none could be made). */
export class RejectedEvaluationView extends EvaluationView implements evaluations.RejectedEvaluationView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) replacementTaskId: string | null;
}
