import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hashSecretToken, newSecretToken } from '../sessions/secret-token';
import { AccountLink, LinkPurpose } from './account-link.entity';
import { ConflictError, ExpiredError, InvalidError } from '@app/core';

/** How long each kind of link works. */
export const LINK_LIFETIME_HOURS: Record<LinkPurpose, number> = {
  [LinkPurpose.PasswordReset]: 1,
  [LinkPurpose.ColleagueInvitation]: 48,
};

const WHAT: Record<LinkPurpose, string> = {
  [LinkPurpose.PasswordReset]: 'password reset link',
  [LinkPurpose.ColleagueInvitation]: 'invitation link',
};

export type LinkFields = Pick<AccountLink, 'purpose' | 'email' | 'locale'> & Partial<Pick<AccountLink, 'userId' | 'companyId' | 'createdBy'>>;

/** Single-use links sent by e-mail: issued with a random token, used once, within their lifetime. */
@Injectable()
export class AccountLinks {
  /** Stores a new link and returns its token (to put in the e-mail; it is not kept). */
  async issue(tx: EntityManager, fields: LinkFields): Promise<string> {
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + LINK_LIFETIME_HOURS[fields.purpose] * 3600_000);
    await tx.getRepository(AccountLink).insert({ ...fields, tokenHash: hashSecretToken(token), expiresAt });
    return token;
  }

  /** Marks the link used, in the caller's transaction: 400 unknown, 409 already used, 410 expired. */
  async use(tx: EntityManager, purpose: LinkPurpose, token: string): Promise<AccountLink> {
    const link = await tx.getRepository(AccountLink).findOne({ where: { purpose, tokenHash: hashSecretToken(token) }, lock: { mode: 'pessimistic_write' } });
    const what = WHAT[purpose];
    if (!link) throw new InvalidError(`the ${what} is not valid: use the link from the e-mail`, 'LINK_INVALID');
    if (link.usedAt) throw new ConflictError(`this ${what} was already used: a link works once`, 'LINK_ALREADY_USED');
    if (link.expiresAt.getTime() <= Date.now())
      throw new ExpiredError(`this ${what} has expired: it was valid for ${LINK_LIFETIME_HOURS[purpose]} hour(s); ask for a new one`, 'LINK_EXPIRED');
    await tx.getRepository(AccountLink).update({ id: link.id }, { usedAt: new Date() });
    return link;
  }

  /** Links of this purpose not yet used stop working (a newer one replaces them, or the password changed). */
  async retire(tx: EntityManager, purpose: LinkPurpose, where: { userId?: string; email?: string }): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(AccountLink)
      .set({ usedAt: () => 'now()' })
      .where('purpose = :purpose AND used_at IS NULL', { purpose })
      .andWhere(where.userId ? 'user_id = :userId' : 'email = :email', where)
      .execute();
  }
}
