import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitsOfWork, type Locale, AppConfig, ConflictError, InvalidError, NotFoundError } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { AccountsService } from './accounts.service';
import type { AuthUser } from './auth/auth-user';
import { EmailThrottle } from './auth/email-throttle.service';
import { Company } from './entities/company.entity';
import { Role, User } from './entities/user.entity';
import { LinkPurpose } from './links/account-link.entity';
import { AccountLinks, LINK_LIFETIME_HOURS } from './links/account-links.service';
import { hashPassword } from './passwords';

export interface Colleague {
  id: string;
  email: string;
  locale: Locale;
  confirmed: boolean;
  createdAt: Date;
}

export interface SentInvitation {
  email: string;
  locale: Locale;
  expiresAt: Date;
}

/** The users of a company: invited by e-mail by a colleague, listed, and removed by a colleague. */
@Injectable()
export class ColleaguesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly accounts: AccountsService,
    private readonly links: AccountLinks,
    private readonly emailThrottle: EmailThrottle,
    private readonly config: AppConfig,
  ) {}

  async list(companyId: string): Promise<Colleague[]> {
    const users = await this.dataSource.getRepository(User).find({ where: { companyId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return users.map((u) => ({ id: u.id, email: u.email, locale: u.locale, confirmed: u.emailConfirmedAt !== null, createdAt: u.createdAt }));
  }

  /** E-mails a single-use link to join the company; 409 when the address already has an account. */
  async invite(inviter: AuthUser, email: string, locale: Locale = 'fr'): Promise<SentInvitation> {
    const companyId = inviter.companyId!;
    await this.assertAddressFree(email);
    await this.emailThrottle.takeOrRefuse('colleague-invitation', email);
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const [company, sender] = await Promise.all([
        outbox.tx.getRepository(Company).findOneByOrFail({ id: companyId }),
        outbox.tx.getRepository(User).findOneByOrFail({ id: inviter.id }),
      ]);
      const token = await this.links.issue(outbox.tx, { purpose: LinkPurpose.ColleagueInvitation, email, companyId, locale, createdBy: inviter.id });
      await outbox.notify({
        template: 'colleague-invitation',
        to: email,
        locale,
        data: { companyName: company.legalName, inviterEmail: sender.email, joinUrl: `${this.config.PUBLIC_URL}/join?token=${encodeURIComponent(token)}` },
      });
      return { email, locale, expiresAt: new Date(Date.now() + LINK_LIFETIME_HOURS[LinkPurpose.ColleagueInvitation] * 3600_000) };
    });
  }

  /** Makes the invited colleague's account (its address is proven by the link), in their language if they chose one; the link works once. */
  async accept(token: string, password: string, locale?: Locale): Promise<User> {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (tx) => {
      const link = await this.links.use(tx, LinkPurpose.ColleagueInvitation, token);
      return this.accounts.insertUser(tx, {
        email: link.email,
        passwordHash,
        role: Role.Company,
        companyId: link.companyId,
        locale: locale ?? link.locale,
        emailConfirmedAt: new Date(),
      });
    });
  }

  /**
   * Removes a colleague's account, never one's own: so the company always keeps a user, the remover among them.
   * The company's users are locked meanwhile, so two colleagues removing each other at once leave one of them.
   */
  async remove(actor: AuthUser, userId: string): Promise<void> {
    if (userId === actor.id) throw new InvalidError('a user cannot remove themself: ask a colleague to do it', 'CANNOT_REMOVE_SELF');
    await this.dataSource.transaction(async (tx) => {
      const users: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE company_id = $1 ORDER BY id FOR UPDATE`, [actor.companyId]);
      if (!users.some((u) => u.id === userId)) throw new NotFoundError(`user ${userId} is not a user of your company`);
      if (!users.some((u) => u.id === actor.id))
        throw new ConflictError('your own account was removed meanwhile: a company keeps at least one user', 'COMPANY_NEEDS_A_USER');
      await tx.getRepository(User).delete({ id: userId });
    });
  }

  private async assertAddressFree(email: string): Promise<void> {
    if (await this.dataSource.getRepository(User).existsBy({ email }))
      throw new ConflictError(`the address ${email} already has a Palmares account`, 'EMAIL_TAKEN');
  }
}
