import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { FreeText } from '@app/core';
import type { NewResultsVersion } from '@app/publication';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class FreezeResultsDto implements NewResultsVersion {
  /** Why this version is frozen; required for a correction (a freeze after publication). */
  @ApiPropertyOptional({ minLength: 3, maxLength: 1000 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @FreeText()
  @IsString({ message: 'reason must be text' })
  @MinLength(3, { message: 'reason must be 3 to 1000 characters' })
  @MaxLength(1000, { message: 'reason must be 3 to 1000 characters' })
  reason?: string;
}
