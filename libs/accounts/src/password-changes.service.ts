import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitsOfWork, AppConfig, InvalidError } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { EmailThrottle } from './auth/email-throttle.service';
import { PasswordThrottle } from './auth/password-throttle.service';
import { User } from './entities/user.entity';
import { LinkPurpose } from './links/account-link.entity';
import { AccountLinks } from './links/account-links.service';
import { hashPassword, verifyPassword } from './passwords';
import { SessionsService } from './sessions/sessions.service';

/** Forgotten passwords (a single-use e-mailed link) and password changes; either ends every session of the account. */
@Injectable()
export class PasswordChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly links: AccountLinks,
    private readonly sessions: SessionsService,
    private readonly throttle: PasswordThrottle,
    private readonly emailThrottle: EmailThrottle,
    private readonly config: AppConfig,
  ) {}

  /**
   * E-mails a reset link when the address has a confirmed-or-not account; says nothing either way (the caller
   * answers 202), so the route tells no one which addresses have an account. Beyond the hourly allowance, no e-mail.
   */
  async requestReset(email: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email });
    if (!user || !(await this.emailThrottle.take('password-reset', email))) return;
    await this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const token = await this.links.issue(outbox.tx, { purpose: LinkPurpose.PasswordReset, email, userId: user.id, locale: user.locale });
      await outbox.notify({
        template: 'password-reset',
        to: user.email,
        locale: user.locale,
        data: { resetUrl: `${this.config.PUBLIC_URL}/reset-password?token=${encodeURIComponent(token)}` },
      });
    });
  }

  /** Sets the password named by a reset link (once, within the hour); the link proves the address, so it is confirmed too. */
  async confirmReset(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (tx) => {
      const link = await this.links.use(tx, LinkPurpose.PasswordReset, token);
      const userId = link.userId!;
      await tx.query(`UPDATE app_user SET password_hash = $2, email_confirmed_at = COALESCE(email_confirmed_at, now()) WHERE id = $1`, [userId, passwordHash]);
      await this.links.retire(tx, LinkPurpose.PasswordReset, { userId });
      await this.sessions.closeAllOf(tx, userId);
    });
  }

  /**
   * Changes the caller's password after checking the current one, under the login throttle (it is a password
   * guess too). Every other session of the account ends; the caller's own (named by its access token) goes on.
   */
  async change(userId: string, change: { currentPassword: string; newPassword: string; ip: string; sessionId?: string }): Promise<void> {
    const { currentPassword, newPassword, ip } = change;
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId })
      .getOneOrFail();
    const right = await this.throttle.attempt({ account: user.email, address: ip }, () => verifyPassword(user.passwordHash, currentPassword));
    if (!right) throw new InvalidError('currentPassword is not this account’s password: nothing was changed', 'WRONG_PASSWORD');
    if (currentPassword === newPassword) throw new InvalidError('newPassword must differ from the current password');
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(User).update({ id: userId }, { passwordHash });
      await this.links.retire(tx, LinkPurpose.PasswordReset, { userId });
      await this.sessions.closeAllOf(tx, userId, change.sessionId);
    });
  }
}
