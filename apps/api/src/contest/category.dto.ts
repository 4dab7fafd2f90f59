import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { FreeText, IsDecimal, Trim } from '@app/core';
import { CategoryStatus, CHANNELS, MAX_FEE_CENTS, SLUG, type Channel, type GridCriterion, type PerChannel, type Scenario } from '@app/contest';
import type * as contest from '@app/contest';

const Quota = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, example: 60 }),
    IsOptional(),
    IsInt({ message: '$property must be a whole number of tests, 0 or more' }),
    Min(0, { message: '$property must be a whole number of tests, 0 or more' }),
    Max(10_000, { message: '$property must be at most 10000 tests' }),
  );

const Weight = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: 100, example: 40 }),
    IsOptional(),
    IsDecimal(2, { message: '$property must be a number between 0 and 100, with at most 2 decimals' }),
    Min(0, { message: '$property must be a number between 0 and 100, with at most 2 decimals' }),
    Max(100, { message: '$property must be a number between 0 and 100, with at most 2 decimals' }),
  );

const Grid = () =>
  applyDecorators(
    ApiPropertyOptional({ type: () => CriterionDto, isArray: true }),
    IsOptional(),
    IsArray({ message: '$property must be a list of criteria' }),
    ArrayMaxSize(50, { message: '$property may hold at most 50 criteria' }),
    ValidateNested({ each: true }),
    Type(() => CriterionDto),
  );

/** Tests per company on each channel; a channel without a quota (or with 0) is not tested. */
export class QuotasDto implements PerChannel<number> {
  @Quota() PHONE?: number;
  @Quota() EMAIL?: number;
  @Quota() WEB?: number;
  @Quota() CHAT?: number;
  @Quota() SOCIAL?: number;
}

/** Weight of each tested channel in the score; they sum to 100. */
export class WeightsDto implements PerChannel<number> {
  @Weight() PHONE?: number;
  @Weight() EMAIL?: number;
  @Weight() WEB?: number;
  @Weight() CHAT?: number;
  @Weight() SOCIAL?: number;
}

export class CriterionDto implements GridCriterion {
  @ApiProperty({ example: 'greeting', description: 'Lowercase slug, unique within the grid' })
  @Matches(SLUG, { message: '$property must be a lowercase slug of 2 to 40 letters, digits or dashes, such as greeting' })
  key: string;

  @ApiProperty({ example: 'The adviser greets the customer and gives their name' })
  @Trim()
  @IsString({ message: '$property must be 1 to 300 characters long' })
  @Length(1, 300, { message: '$property must be 1 to 300 characters long' })
  label: string;

  @ApiProperty({ minimum: 1, maximum: 100, example: 4, description: 'Points are from 0 to max' })
  @IsInt({ message: '$property must be a whole number of points from 1 to 100' })
  @Min(1, { message: '$property must be a whole number of points from 1 to 100' })
  @Max(100, { message: '$property must be a whole number of points from 1 to 100' })
  max: number;

  @ApiProperty({ example: 1, description: 'Relative weight of the criterion in its grid, above 0' })
  @IsDecimal(4, { message: '$property must be a number above 0 and at most 1000' })
  @Min(0.0001, { message: '$property must be a number above 0 and at most 1000' })
  @Max(1000, { message: '$property must be a number above 0 and at most 1000' })
  weight: number;
}

/** The evaluation grid of each channel. */
export class GridsDto implements PerChannel<GridCriterion[]> {
  @Grid() PHONE?: CriterionDto[];
  @Grid() EMAIL?: CriterionDto[];
  @Grid() WEB?: CriterionDto[];
  @Grid() CHAT?: CriterionDto[];
  @Grid() SOCIAL?: CriterionDto[];
}

export class ScenarioDto implements Scenario {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `$property must be one of ${CHANNELS.join(', ')}` })
  channel: Channel;

  @FreeText()
  @ApiProperty({ example: 'Ask how to close a savings account opened by a deceased parent' })
  @Trim()
  @IsString({ message: '$property must be 3 to 4000 characters long' })
  @Length(3, 4000, { message: '$property must be 3 to 4000 characters long' })
  text: string;
}

export class CreateCategoryDto implements contest.NewCategory {
  @ApiProperty({ example: 'banking', description: 'Lowercase slug, unique within the edition' })
  @Matches(SLUG, { message: 'code must be a lowercase slug of 2 to 40 letters, digits or dashes, such as banking' })
  code: string;

  @ApiProperty({ example: 'Banque' })
  @Trim()
  @IsString({ message: 'name must be 2 to 200 characters long' })
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name: string;

  @ApiProperty({ example: 1_368_000, description: 'EUR cents, excluding VAT' })
  @IsInt({ message: 'entryFeeCents must be a whole number of cents' })
  @Min(0, { message: 'entryFeeCents must not be negative' })
  @Max(MAX_FEE_CENTS, { message: `entryFeeCents must be at most ${MAX_FEE_CENTS}` })
  entryFeeCents: number;

  @ApiProperty({ example: 2_160_000, description: 'EUR cents, excluding VAT: the winner’s one-year licence of the title' })
  @IsInt({ message: 'licenceFeeCents must be a whole number of cents' })
  @Min(0, { message: 'licenceFeeCents must not be negative' })
  @Max(MAX_FEE_CENTS, { message: `licenceFeeCents must be at most ${MAX_FEE_CENTS}` })
  licenceFeeCents: number;

  @ApiPropertyOptional({ example: 20, default: 20, description: 'VAT rate in percent' })
  @IsOptional()
  @IsDecimal(2, { message: 'vatRate must be a percentage from 0 to 100, with at most 2 decimals' })
  @Min(0, { message: 'vatRate must be a percentage from 0 to 100, with at most 2 decimals' })
  @Max(100, { message: 'vatRate must be a percentage from 0 to 100, with at most 2 decimals' })
  vatRate?: number;

  @ApiProperty({ type: QuotasDto, example: { PHONE: 125, EMAIL: 45, WEB: 30, CHAT: 15, SOCIAL: 10 } })
  @IsObject({ message: 'quotas must be an object such as { "PHONE": 60, "EMAIL": 30 }' })
  @ValidateNested()
  @Type(() => QuotasDto)
  quotas: QuotasDto;

  @ApiProperty({ type: WeightsDto, example: { PHONE: 40, EMAIL: 20, WEB: 15, CHAT: 15, SOCIAL: 10 } })
  @IsObject({ message: 'weights must be an object such as { "PHONE": 60, "EMAIL": 40 }' })
  @ValidateNested()
  @Type(() => WeightsDto)
  weights: WeightsDto;

  @ApiProperty({ type: GridsDto })
  @IsObject({ message: 'grids must be an object with a list of criteria per channel' })
  @ValidateNested()
  @Type(() => GridsDto)
  grids: GridsDto;

  @ApiProperty({ type: [ScenarioDto] })
  @IsArray({ message: 'scenarios must be a list of { channel, text }' })
  @ArrayMaxSize(1000, { message: 'scenarios may hold at most 1000 scenarios' })
  @ValidateNested({ each: true })
  @Type(() => ScenarioDto)
  scenarios: ScenarioDto[];

  @ApiPropertyOptional({ example: 3, default: 3, description: 'Minimum paid entries for the category to be contested' })
  @IsOptional()
  @IsInt({ message: 'minEntries must be a whole number from 1 to 1000' })
  @Min(1, { message: 'minEntries must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'minEntries must be a whole number from 1 to 1000' })
  minEntries?: number;

  @ApiPropertyOptional({ example: 12, default: 12, description: 'Minimum score out of 20 for the title' })
  @IsOptional()
  @IsDecimal(2, { message: 'awardThreshold must be a score from 0 to 20, with at most 2 decimals' })
  @Min(0, { message: 'awardThreshold must be a score from 0 to 20, with at most 2 decimals' })
  @Max(20, { message: 'awardThreshold must be a score from 0 to 20, with at most 2 decimals' })
  awardThreshold?: number;
}

export class CategoryView implements contest.CategoryView {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty({ example: 'banking' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'EUR cents excluding VAT' }) entryFeeCents: number;
  @ApiProperty({ description: 'EUR cents including VAT' }) entryFeeInclVatCents: number;
  @ApiProperty() licenceFeeCents: number;
  @ApiProperty() licenceFeeInclVatCents: number;
  @ApiProperty({ example: 20, description: 'Percent' }) vatRate: number;
  @ApiProperty({ type: QuotasDto }) quotas: PerChannel<number>;
  @ApiProperty({ type: WeightsDto }) weights: PerChannel<number>;
  @ApiProperty({ type: GridsDto }) grids: PerChannel<GridCriterion[]>;
  @ApiPropertyOptional({ type: [ScenarioDto], description: 'Jury only' }) scenarios?: Scenario[];
  @ApiProperty() minEntries: number;
  @ApiProperty() awardThreshold: number;
  @ApiProperty({ enum: Object.values(CategoryStatus) }) status: CategoryStatus;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
}
