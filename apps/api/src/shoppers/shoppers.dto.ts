import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { FreeText, Trim } from '@app/core';
import { IsSiren } from '../accounts/is-siren';
import { MAX_CONFLICTS, MAX_SECTORS, MAX_WEEKLY_CAPACITY, MIN_WEEKLY_CAPACITY, SECTOR_CODE } from '@app/shoppers';
import type * as shoppers from '@app/shoppers';
import { SignupDto, UserView } from '../accounts/auth.dto';

const SECTORS_MESSAGE = `sectors must be a list of 1 to ${MAX_SECTORS} different category codes`;
const CAPACITY_MESSAGE = `weeklyCapacity must be a whole number of tests from ${MIN_WEEKLY_CAPACITY} to ${MAX_WEEKLY_CAPACITY}`;

const Sectors = () =>
  applyDecorators(
    ApiProperty({ example: ['banking', 'telecom'], description: 'Category codes the shopper is qualified for' }),
    IsArray({ message: SECTORS_MESSAGE }),
    ArrayMinSize(1, { message: SECTORS_MESSAGE }),
    ArrayMaxSize(MAX_SECTORS, { message: SECTORS_MESSAGE }),
    ArrayUnique({ message: `${SECTORS_MESSAGE}: a code appears twice` }),
    Matches(SECTOR_CODE, {
      each: true,
      message: 'each of sectors must be a category code: a lowercase slug of 2 to 40 letters, digits or dashes, such as banking',
    }),
  );

const WeeklyCapacity = () =>
  applyDecorators(
    ApiProperty({ minimum: MIN_WEEKLY_CAPACITY, maximum: MAX_WEEKLY_CAPACITY, example: 5, description: 'Tests per week (Monday to Sunday)' }),
    IsInt({ message: CAPACITY_MESSAGE }),
    Min(MIN_WEEKLY_CAPACITY, { message: CAPACITY_MESSAGE }),
    Max(MAX_WEEKLY_CAPACITY, { message: CAPACITY_MESSAGE }),
  );

export class CreateInvitationDto implements shoppers.NewInvitation {
  @ApiProperty({ example: 'julie.durand@example.fr' })
  @Trim({ lowercase: true })
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email: string;

  @ApiProperty({ example: 'Julie Durand' })
  @Trim()
  @IsString({ message: 'name must be 1 to 200 characters long' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters long' })
  name: string;

  @Sectors()
  sectors: string[];

  @WeeklyCapacity()
  weeklyCapacity: number;
}

export class InvitationView implements shoppers.InvitationView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty() weeklyCapacity: number;
  @ApiProperty({ nullable: true, type: String }) invitedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty() createdAt: string;
}

/** The invitation's token, and the password and locale with the sign-up's rules. */
export class AcceptInvitationDto extends PickType(SignupDto, ['password', 'locale'] as const) implements shoppers.InvitationAcceptance {
  @ApiProperty({ description: 'The token from the invitation e-mail' })
  @IsString({ message: 'token must be the token from the invitation e-mail' })
  @Length(10, 2000, { message: 'token must be the token from the invitation e-mail' })
  token: string;
}

export class ConflictDto implements shoppers.Conflict {
  @ApiProperty({ example: '732829320', description: 'SIREN of the company (9 digits, Luhn-checked)' })
  @IsSiren()
  siren: string;

  @FreeText()
  @ApiProperty({ example: 'My sister works in its customer service' })
  @Trim()
  @IsString({ message: 'reason must be 1 to 300 characters long' })
  @Length(1, 300, { message: 'reason must be 1 to 300 characters long' })
  reason: string;
}

/** Every field is optional; `conflicts`, when given, replaces the whole declared list. */
export class UpdateShopperDto implements shoppers.ShopperUpdate {
  @IsOptional()
  @Sectors()
  sectors?: string[];

  @IsOptional()
  @WeeklyCapacity()
  weeklyCapacity?: number;

  @ApiPropertyOptional({ type: () => ConflictDto, isArray: true, description: 'Replaces the declared conflicts; [] clears them' })
  @IsOptional()
  @IsArray({ message: `conflicts must be a list of at most ${MAX_CONFLICTS} companies` })
  @ArrayMaxSize(MAX_CONFLICTS, { message: `conflicts must be a list of at most ${MAX_CONFLICTS} companies` })
  @ArrayUnique((c: ConflictDto) => (c && typeof c === 'object' ? c.siren : c), { message: 'conflicts must name each SIREN once' })
  @ValidateNested({ each: true })
  @Type(() => ConflictDto)
  conflicts?: ConflictDto[];
}

export class SuspendShopperDto implements shoppers.Suspension {
  @FreeText()
  @ApiProperty({ example: 'Evaluations copied from one another' })
  @Trim()
  @IsString({ message: 'reason must be 1 to 500 characters long' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters long' })
  reason: string;
}

export class ConflictView implements shoppers.ConflictView {
  @ApiProperty() siren: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'Legal name of the registered company with this SIREN, if any' })
  companyName: string | null;
}

export class ShopperProfileView implements shoppers.ShopperProfileView {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty() weeklyCapacity: number;
  @ApiProperty() suspended: boolean;
  @ApiProperty({ type: [ConflictView] }) conflicts: ConflictView[];
}

/** A shopper in the jury's list: the profile without the conflicts, with the suspension date and task counts. */
export class ShopperSummaryView extends OmitType(ShopperProfileView, ['conflicts'] as const) implements shoppers.ShopperSummaryView {
  @ApiProperty({ nullable: true, type: String }) suspendedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    description: 'Number of tasks by status, e.g. { "ASSIGNED": 3, "SUBMITTED": 1 }; missing statuses are 0',
  })
  tasks: Record<string, number>;
}

export class AcceptInvitationResponse implements shoppers.AcceptInvitationResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserView }) user: UserView;
}
