import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsISO31661Alpha2, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { FreeText, LOCALES, type Locale, Trim } from '@app/core';
import type { Role } from '../entities/user.entity';
import { PASSWORD_MESSAGE, PASSWORD_RULE } from '../account-rules';
import { IsSiren } from '../siren';

export class SignupDto {
  @ApiProperty({ example: 'Banque Exemple SA' })
  @Trim()
  @IsString()
  @Length(2, 200, { message: 'companyName must be 2 to 200 characters long' })
  companyName: string;

  @ApiPropertyOptional({ example: '732829320', description: 'Required for a French company (9 digits, Luhn-checked)' })
  @ValidateIf((o: SignupDto) => o.country === 'FR' || o.siren !== undefined)
  @IsSiren()
  siren?: string;

  @ApiPropertyOptional({ description: 'Registration number of a company outside France' })
  @ValidateIf((o: SignupDto) => o.country !== 'FR')
  @IsString({ message: 'foreignRegistrationNumber is required for a company outside France' })
  @Length(2, 40)
  foreignRegistrationNumber?: string;

  @ApiPropertyOptional({ example: 'FR44732829320' })
  @IsOptional()
  // Spaces as people group the digits (`FR 44 732 829 320`); a line break is still refused, as in every one-line text.
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/[ \u00a0]/g, '').toUpperCase() : value))
  @Matches(/^[A-Z]{2}[A-Z0-9]{2,13}$/, { message: 'vatNumber must be an EU VAT number: country prefix then 2 to 13 letters or digits' })
  vatNumber?: string;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as FR' })
  country: string;

  @ApiProperty({ example: '1 rue de la Paix, 75002 Paris' })
  @Trim()
  @IsString()
  @Length(5, 500, { message: 'billingAddress must be 5 to 500 characters long' })
  @FreeText()
  billingAddress: string;

  @ApiProperty({ example: 'claire@banque-exemple.fr' })
  @Trim({ lowercase: true })
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email: string;

  @ApiProperty({ minLength: 10 })
  @FreeText()
  @IsString({ message: PASSWORD_MESSAGE })
  @Matches(PASSWORD_RULE, { message: PASSWORD_MESSAGE })
  password: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'fr' })
  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be fr or en' })
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Claire Martin' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}

export class ConfirmEmailDto {
  @ApiProperty()
  @IsString()
  @Length(10, 2000, { message: 'token must be the token from the confirmation e-mail' })
  token: string;
}

export class LoginDto {
  @ApiProperty()
  @Trim({ lowercase: true })
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  email: string;

  @ApiProperty()
  @FreeText()
  @IsString()
  @Length(1, 200, { message: 'password is required' })
  password: string;
}

/** A jury account: the same rules for e-mail, password and name as a company's first user. */
export class CreateJuryUserDto extends PickType(SignupDto, ['email', 'password', 'name'] as const) {}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['COMPANY', 'SHOPPER', 'JURY'] }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) companyId: string | null;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() emailConfirmed: boolean;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserView }) user: UserView;
}
