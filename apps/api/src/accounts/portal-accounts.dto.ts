import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { FreeText, LOCALES, type Locale } from '@app/core';
import { PASSWORD_RULE } from '@app/accounts';
import { SignupDto } from './auth.dto';

class LinkTokenDto {
  @ApiProperty({ description: 'The token of the link in the e-mail' })
  @IsString({ message: 'token must be the token from the e-mail link' })
  @Length(10, 200, { message: 'token must be the token from the e-mail link' })
  token: string;
}

export class PasswordResetRequestDto extends PickType(SignupDto, ['email'] as const) {}

/** The new password follows the sign-up's rule. */
export class PasswordResetConfirmDto extends IntersectionType(LinkTokenDto, PickType(SignupDto, ['password'] as const)) {}

/** The colleague chooses a password, and may choose their language (the invitation's otherwise). */
export class AcceptColleagueInvitationDto extends IntersectionType(LinkTokenDto, PickType(SignupDto, ['password', 'locale'] as const)) {}

export class ChangePasswordDto {
  @ApiProperty()
  @FreeText()
  @IsString({ message: 'currentPassword is required' })
  @Length(1, 200, { message: 'currentPassword is required' })
  currentPassword: string;

  @ApiProperty({ minLength: 10 })
  @FreeText()
  @IsString({ message: 'newPassword must be 10 to 128 characters long and contain at least one letter and one digit' })
  @Matches(PASSWORD_RULE, { message: 'newPassword must be 10 to 128 characters long and contain at least one letter and one digit' })
  newPassword: string;
}

/** What a user may change about themself: the language of the portal and of their e-mails. */
export class UpdateMeDto {
  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES, { message: 'locale must be fr or en' })
  locale: Locale;
}

export class InviteColleagueDto extends PickType(SignupDto, ['email', 'locale'] as const) {}

export class ColleagueView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ description: 'The user has confirmed their e-mail address' }) confirmed: boolean;
  @ApiProperty() createdAt: Date;
}

export class ColleagueInvitationView {
  @ApiProperty() email: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ description: 'The link stops working at this instant' }) expiresAt: Date;
}
