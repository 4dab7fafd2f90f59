import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { FreeText, Trim } from '@app/core';
import { canonicalTimeZone, DEFAULT_TIMEZONE, EditionStatus, ISO_INSTANT, ISO_INSTANT_MESSAGE } from '@app/contest';
import type * as contest from '@app/contest';

/** A valid IANA time zone, checked with luxon. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Europe/Paris', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && canonicalTimeZone(value) !== null },
    });
}

/** An ISO-8601 instant, with an offset or as a wall-clock time in the edition's zone (read by the service). */
const IsInstant = (example: string, description: string, required = true) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ example, description: `${description}. With an offset, or a wall-clock time in the edition's zone` }),
    IsString({ message: ISO_INSTANT_MESSAGE }),
    Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE }),
  );

export class CreateEditionDto implements contest.NewEdition {
  @ApiProperty({ example: 2027, minimum: 2000, maximum: 2100 })
  @IsInt({ message: 'year must be a whole number such as 2027' })
  @Min(2000, { message: 'year must be between 2000 and 2100' })
  @Max(2100, { message: 'year must be between 2000 and 2100' })
  year: number;

  @ApiProperty({ example: 'Élu service client de l’année 2027' })
  @Trim()
  @IsString({ message: 'name must be 2 to 200 characters long' })
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name: string;

  @ApiPropertyOptional({ example: 'Europe/Paris', default: DEFAULT_TIMEZONE })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @IsInstant('2026-12-01T09:00', 'Entries are accepted from this instant')
  registrationOpensAt: string;

  @IsInstant('2027-03-10T23:59:59.999', 'An entry created at or after this instant is refused')
  registrationDeadline: string;

  @IsOptional()
  @IsInstant('2027-03-25T23:59:59.999', 'Unpaid entries are excluded at this instant; default: the deadline + 15 days', false)
  paymentDueAt?: string;

  @IsInstant('2027-04-01T00:00', 'First instant of the test period')
  testPeriodStart: string;

  @IsInstant('2027-06-30T23:59:59.999', 'End of the test period')
  testPeriodEnd: string;

  @IsInstant('2027-10-05T10:00', 'Earliest instant the jury may publish the results')
  resultsPublishAt: string;
}

export class DeadlineExtensionDto implements contest.DeadlineExtension {
  @IsInstant('2027-03-17T23:59:59.999', 'The new deadline: later than the current one, not later than paymentDueAt')
  registrationDeadline: string;

  @FreeText()
  @ApiProperty({ example: 'Requested by several companies after the bank holiday', minLength: 3, maxLength: 500 })
  @Trim()
  @IsString({ message: 'reason must be 3 to 500 characters long' })
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long' })
  reason: string;
}

/** The calendar as wall-clock ISO strings in the edition's zone, with their offset. */
export class EditionLocalTimes implements contest.EditionLocalTimes {
  @ApiProperty({ example: '2026-12-01T09:00:00.000+01:00' }) registrationOpensAt: string;
  @ApiProperty({ example: '2027-03-10T23:59:59.999+01:00' }) registrationDeadline: string;
  @ApiProperty() paymentDueAt: string;
  @ApiProperty() testPeriodStart: string;
  @ApiProperty() testPeriodEnd: string;
  @ApiProperty() resultsPublishAt: string;
  @ApiProperty({ nullable: true, type: String }) resultsFrozenAt: string | null;
}

export class EditionView implements contest.EditionView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @ApiProperty({ enum: Object.values(EditionStatus) }) status: EditionStatus;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z', description: 'UTC' }) registrationOpensAt: string;
  @ApiProperty({ example: '2027-03-10T22:59:59.999Z' }) registrationDeadline: string;
  @ApiProperty() paymentDueAt: string;
  @ApiProperty() testPeriodStart: string;
  @ApiProperty() testPeriodEnd: string;
  @ApiProperty() resultsPublishAt: string;
  @ApiProperty({ nullable: true, type: String }) resultsFrozenAt: string | null;
  @ApiProperty({ type: EditionLocalTimes }) local: EditionLocalTimes;
}
