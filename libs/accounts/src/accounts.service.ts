import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitsOfWork, type Locale, AppConfig, isUniqueViolation, NotFoundError, ConflictError, ForbiddenError, UnauthenticatedError } from '@app/core';
import { NotificationsService, type Outbox } from '@app/notifications';
import type { AuthUser } from './auth/auth-user';
import { PasswordThrottle } from './auth/password-throttle.service';
import { TokensService } from './auth/tokens.service';
import { SessionsService, type IssuedRefreshToken } from './sessions/sessions.service';
import type { Credentials, LoginResponse, NewJuryUser, Signup, UserView } from './auth.types';
import { Company } from './entities/company.entity';
import { Role, User } from './entities/user.entity';
import { hashPassword, verifyPassword } from './passwords';

/** Verified against when the e-mail is unknown, so a wrong e-mail and a wrong password take the same time. */
const DUMMY_HASH = hashPassword('not-a-real-password-0');

/** A login's answer body and the refresh token the HTTP layer puts in its cookie. */
export interface SignedIn {
  response: LoginResponse;
  refresh: IssuedRefreshToken;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly tokens: TokensService,
    private readonly throttle: PasswordThrottle,
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * A company and its first user, in one transaction with the confirmation e-mail. An e-mail already in use
   * is answered exactly like a new one (the answer never tells who has an account): nothing is created and
   * that address is told someone tried to sign up with it.
   */
  async signup(dto: Signup): Promise<UserView> {
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.units.run(async (uow) => {
        const outbox = this.notifications.outbox(uow);
        const existing = await outbox.tx.findOne(User, { where: { email: dto.email } });
        if (existing) return this.signupAttempted(outbox, existing, dto);
        const company = await outbox.tx.save(
          outbox.tx.create(Company, {
            legalName: dto.companyName,
            siren: dto.country === 'FR' || dto.siren ? (dto.siren ?? null) : null,
            foreignRegistrationNumber: dto.country === 'FR' ? null : (dto.foreignRegistrationNumber ?? null),
            vatNumber: dto.vatNumber ?? null,
            country: dto.country,
            billingAddress: dto.billingAddress,
          }),
        );
        const user = await outbox.tx.save(
          outbox.tx.create(User, {
            email: dto.email,
            passwordHash,
            role: Role.Company,
            companyId: company.id,
            locale: dto.locale ?? 'fr',
            name: dto.name ?? null,
          }),
        );
        const token = this.tokens.issuePurposeToken('email-confirmation', user.id);
        await outbox.notify({
          template: 'account-confirmation',
          to: user.email,
          locale: user.locale,
          data: { companyName: company.legalName, confirmUrl: `${this.config.PUBLIC_URL}/confirm-email?token=${encodeURIComponent(token)}` },
          dedupeKey: `account-confirmation:${user.id}`,
        });
        return toUserView(user);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'company_siren_key'))
        throw new ConflictError(`a company with SIREN ${dto.siren} is already registered; ask one of its users to add you`, 'SIREN_TAKEN');
      // The same e-mail signed up twice at once: the loser is answered as an e-mail already in use.
      if (isUniqueViolation(error, 'app_user_email_key')) return this.signup(dto);
      throw error;
    }
  }

  /** The answer a new account would get, with ids that name nothing; the address's owner is e-mailed (at most once an hour). */
  private async signupAttempted(outbox: Outbox, existing: User, dto: Signup): Promise<UserView> {
    const hour = new Date().toISOString().slice(0, 13);
    await outbox.notify({
      template: 'signup-attempt',
      to: existing.email,
      locale: existing.locale,
      data: { loginUrl: `${this.config.PUBLIC_URL}/login` },
      dedupeKey: `signup-attempt:${existing.id}:${hour}`,
    });
    return {
      id: randomUUID(),
      email: dto.email,
      role: Role.Company,
      companyId: randomUUID(),
      locale: dto.locale ?? 'fr',
      name: dto.name ?? null,
      emailConfirmed: false,
    };
  }

  /** Confirms the e-mail address named by a confirmation token; a token works once. */
  async confirmEmail(token: string): Promise<UserView> {
    const userId = this.tokens.readPurposeToken('email-confirmation', token);
    const result = await this.dataSource.query(`UPDATE app_user SET email_confirmed_at = now() WHERE id = $1 AND email_confirmed_at IS NULL RETURNING id`, [
      userId,
    ]);
    if ((result[0] as unknown[]).length === 0) {
      const exists = await this.dataSource.getRepository(User).existsBy({ id: userId });
      if (!exists) throw new NotFoundError('the account this token confirms no longer exists');
      throw new ConflictError('this e-mail address is already confirmed: a confirmation link works once', 'EMAIL_ALREADY_CONFIRMED');
    }
    return this.me(userId);
  }

  async login(dto: Credentials, address: string): Promise<SignedIn> {
    let user: User | null = null;
    const right = await this.throttle.attempt({ account: dto.email, address }, async () => {
      user = await this.withPasswordHash().where('u.email = :email', { email: dto.email }).getOne();
      return this.passwordMatches(user, dto.password);
    });
    if (!right || !user) throw new UnauthenticatedError('wrong e-mail or password', 'INVALID_CREDENTIALS');
    const known: User = user;
    if (!known.emailConfirmedAt) throw new ForbiddenError('confirm your e-mail address first: open the link in the confirmation e-mail', 'EMAIL_NOT_CONFIRMED');
    return this.startSession(known);
  }

  /** A new login: a refresh-token family and an access token that names it. */
  async startSession(user: User): Promise<SignedIn> {
    const refresh = await this.sessions.open(user.id);
    return { response: this.responseFor(user, refresh.sessionId), refresh };
  }

  /** The next access and refresh tokens of a session, from its current refresh token; 401 naming why otherwise. */
  async refreshSession(refreshToken: string | undefined): Promise<SignedIn> {
    const refresh = await this.sessions.rotate(refreshToken);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: refresh.userId });
    if (!user) throw new UnauthenticatedError('this account no longer exists', 'SESSION_INVALID');
    return { response: this.responseFor(user, refresh.sessionId), refresh };
  }

  private responseFor(user: User, sessionId: string): LoginResponse {
    return { accessToken: this.tokens.issueAccessToken({ ...toAuthUser(user), sessionId }), user: toUserView(user) };
  }

  async setLocale(userId: string, locale: Locale): Promise<UserView> {
    await this.dataSource.getRepository(User).update({ id: userId }, { locale });
    return this.me(userId);
  }

  async me(userId: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('this account no longer exists');
    return toUserView(user);
  }

  /** A jury account, confirmed from the start (made by a jury user or by `npm run jury:create`). */
  async createJuryUser(dto: NewJuryUser): Promise<UserView> {
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (tx) =>
      toUserView(
        await this.insertUser(tx, {
          email: dto.email,
          passwordHash,
          role: Role.Jury,
          companyId: null,
          locale: 'fr',
          name: dto.name ?? null,
          emailConfirmedAt: new Date(),
        }),
      ),
    );
  }

  /** Creates the first jury account from JURY_EMAIL / JURY_PASSWORD when there is none yet. */
  async ensureJuryFromEnvironment(): Promise<void> {
    if (!this.config.JURY_EMAIL || !this.config.JURY_PASSWORD) return;
    const anyJury = await this.dataSource.getRepository(User).existsBy({ role: Role.Jury });
    if (!anyJury) await this.createJuryUser({ email: this.config.JURY_EMAIL.toLowerCase(), password: this.config.JURY_PASSWORD });
  }

  /** Checks a jury user's e-mail and password (for the queue dashboard's basic auth), through the login throttle. */
  async verifyJuryCredentials(email: string, password: string, address: string): Promise<boolean> {
    return this.throttle.attempt({ account: email, address }, async () =>
      this.passwordMatches(
        await this.withPasswordHash().where('u.email = :email AND u.role = :role', { email: email.toLowerCase(), role: Role.Jury }).getOne(),
        password,
      ),
    );
  }

  private withPasswordHash() {
    return this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash');
  }

  /** Verifies against a dummy hash when there is no such user, so a wrong e-mail and a wrong password take the same time. */
  private async passwordMatches(user: User | null, password: string): Promise<boolean> {
    const valid = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), password);
    return valid && user !== null;
  }

  /** Whether an account already uses this e-mail (in the caller's transaction). */
  async emailTaken(tx: EntityManager, email: string): Promise<boolean> {
    return tx.exists(User, { where: { email } });
  }

  async insertUser(tx: EntityManager, fields: Partial<User> & Pick<User, 'email' | 'passwordHash' | 'role'>): Promise<User> {
    try {
      return await tx.save(tx.create(User, fields));
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) throw new ConflictError(`an account with the e-mail ${fields.email} already exists`, 'EMAIL_TAKEN');
      throw error;
    }
  }
}

export function toAuthUser(user: User): AuthUser {
  return { id: user.id, role: user.role, companyId: user.companyId };
}

/** A user as every route shows it. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    companyId: user.companyId,
    locale: user.locale,
    name: user.name,
    emailConfirmed: user.emailConfirmedAt !== null,
  };
}
