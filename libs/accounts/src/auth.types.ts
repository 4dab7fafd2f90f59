import type { Locale } from '@app/core';
import type { Role } from './entities/user.entity';

/** A company's sign-up: the company and its first user (checked at the door, the SIREN and VAT rules in account-rules). */
export interface Signup {
  companyName: string;
  /** Required for a French company. */
  siren?: string;
  /** Required for a company outside France. */
  foreignRegistrationNumber?: string;
  vatNumber?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  billingAddress: string;
  email: string;
  password: string;
  locale?: Locale;
  name?: string;
}

/** An e-mail address and a password, to sign in. */
export interface Credentials {
  email: string;
  password: string;
}

/** A jury account: the same rules for e-mail, password and name as a company's first user. */
export type NewJuryUser = Pick<Signup, 'email' | 'password' | 'name'>;

export interface UserView {
  id: string;
  email: string;
  role: Role;
  companyId: string | null;
  locale: Locale;
  name: string | null;
  emailConfirmed: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: UserView;
}
