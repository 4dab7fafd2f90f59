import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { FreeText, Trim } from '@app/core';

/** A reason, 3 to 500 characters once trimmed (declining a task, rejecting an evaluation). */
export class ReasonDto {
  @FreeText()
  @ApiProperty({ example: 'I know the branch manager personally', minLength: 3, maxLength: 500 })
  @Trim()
  @IsString({ message: 'reason must be 3 to 500 characters long' })
  @Length(3, 500, { message: 'reason must be 3 to 500 characters long' })
  reason: string;
}
