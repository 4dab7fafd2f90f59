import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PASSWORD_MESSAGE, PASSWORD_RULE, type NewJuryUser } from '@app/accounts';
import { FreeText, Trim } from '@app/core';

/** The command line's `jury:create` options, checked with the sign-up's rules before the service is called. */
export class JuryUserArgs implements NewJuryUser {
  @Trim({ lowercase: true })
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email: string;

  @FreeText()
  @IsString({ message: PASSWORD_MESSAGE })
  @Matches(PASSWORD_RULE, { message: PASSWORD_MESSAGE })
  password: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}
