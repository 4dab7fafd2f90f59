import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { InvoiceView } from '@app/billing';
import { CHANNELS, type Channel } from '@app/contest';
import { EntryStatus } from '../entities/entry.entity';
import { IdFilter } from '@app/core';
import { CHAT_LENGTH, MAX_CONTACT_POINTS_PER_CHANNEL, PHONE_PATTERN, SOCIAL_LENGTH, URL_OPTIONS } from '../contact-point-rules';

/** Where each channel is tested; a channel left out is not tested and drops out of the weighting. */
export class ContactPointsDto {
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

export class CreateEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'categoryId must be the id of a category' })
  categoryId: string;

  @ApiProperty({ type: ContactPointsDto })
  @ValidateNested()
  @Type(() => ContactPointsDto)
  contactPoints: ContactPointsDto;
}

export class ListEntriesQuery {
  @IdFilter('an edition')
  editionId?: string;

  @IdFilter('a category')
  categoryId?: string;

  @ApiPropertyOptional({ enum: Object.values(EntryStatus) })
  @IsOptional()
  @IsIn(Object.values(EntryStatus), { message: `status must be one of ${Object.values(EntryStatus).join(', ')}` })
  status?: EntryStatus;
}

/** An entry as its company and the jury read it, with its entry-fee invoice. */
export class EntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ enum: Object.values(EntryStatus), enumName: 'EntryStatus' }) status: EntryStatus;
  @ApiProperty({ type: ContactPointsDto }) contactPoints: ContactPointsDto;
  @ApiProperty({ type: String, nullable: true, description: 'Why the entry was excluded (unpaid at the due date...)' }) exclusionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) excludedAt: Date | null;
  @ApiProperty({ type: InvoiceView, nullable: true, description: 'The entry’s entry-fee invoice; null if none was issued' }) invoice: InvoiceView | null;
}

export const TIMELINE_STEPS = ['REGISTERED', 'PAID', 'CONFIRMED', 'WITHDRAWN', 'EXCLUDED', 'IN_TEST', 'RANKED'] as const;

/** A step of an entry's history: what it became, and when. */
export class TimelineStep {
  @ApiProperty({ enum: TIMELINE_STEPS, enumName: 'TimelineStepStatus' }) status: (typeof TIMELINE_STEPS)[number];
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
}

/** One entry as its page shows it: with its history, oldest first. */
export class EntryDetailView extends EntryView {
  @ApiProperty({ type: [TimelineStep], description: 'Oldest first' }) timeline: TimelineStep[];
}

export const channelsOf = (contactPoints: ContactPointsDto): Channel[] => CHANNELS.filter((c) => (contactPoints[c]?.length ?? 0) > 0);
