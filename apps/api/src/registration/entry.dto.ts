import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { IdFilter } from '../http/id-filter';
import { CHAT_LENGTH, EntryStatus, MAX_CONTACT_POINTS_PER_CHANNEL, PHONE_PATTERN, SOCIAL_LENGTH, URL_OPTIONS } from '@app/registration';
import type * as registration from '@app/registration';

/** Where each channel is tested; a channel left out is not tested and drops out of the weighting. */
export class ContactPointsDto implements registration.ContactPoints {
  @ApiPropertyOptional({ type: [String], example: ['+33 1 23 45 67 89'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONTACT_POINTS_PER_CHANNEL)
  @Matches(PHONE_PATTERN, { each: true, message: 'contactPoints.PHONE must hold phone numbers such as +33 1 23 45 67 89' })
  PHONE?: string[];

  @ApiPropertyOptional({ type: [String], example: ['service-client@example.fr'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONTACT_POINTS_PER_CHANNEL)
  @IsEmail({}, { each: true, message: 'contactPoints.EMAIL must hold e-mail addresses' })
  EMAIL?: string[];

  @ApiPropertyOptional({ type: [String], example: ['https://www.example.fr/contact'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONTACT_POINTS_PER_CHANNEL)
  @IsUrl(URL_OPTIONS, { each: true, message: 'contactPoints.WEB must hold web addresses starting with https://' })
  WEB?: string[];

  @ApiPropertyOptional({ type: [String], example: ['https://www.example.fr/chat'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONTACT_POINTS_PER_CHANNEL)
  @IsString({ each: true })
  @Length(CHAT_LENGTH.min, CHAT_LENGTH.max, { each: true, message: 'contactPoints.CHAT entries must be 3 to 300 characters long' })
  CHAT?: string[];

  @ApiPropertyOptional({ type: [String], example: ['@example_fr'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONTACT_POINTS_PER_CHANNEL)
  @IsString({ each: true })
  @Length(SOCIAL_LENGTH.min, SOCIAL_LENGTH.max, { each: true, message: 'contactPoints.SOCIAL entries must be 2 to 300 characters long' })
  SOCIAL?: string[];
}

export class CreateEntryDto implements registration.NewEntry {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'categoryId must be the id of a category' })
  categoryId: string;

  @ApiProperty({ type: ContactPointsDto })
  @ValidateNested()
  @Type(() => ContactPointsDto)
  contactPoints: ContactPointsDto;
}

export class ListEntriesQuery implements registration.EntryFilter {
  @IdFilter('an edition')
  editionId?: string;

  @IdFilter('a category')
  categoryId?: string;

  @ApiPropertyOptional({ enum: Object.values(EntryStatus) })
  @IsOptional()
  @IsIn(Object.values(EntryStatus), { message: `status must be one of ${Object.values(EntryStatus).join(', ')}` })
  status?: EntryStatus;
}
