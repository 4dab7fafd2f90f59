import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';
import { hashSecretToken, newSecretToken } from './secret-token';
import { UnauthenticatedError } from '@app/core';

/** A refresh token lives 14 days unused; a login's family of tokens at most 30 days, however often rotated. */
export const REFRESH_TOKEN_DAYS = 14;
export const SESSION_FAMILY_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
  /** The family: one per login. */
  sessionId: string;
}

/**
 * Refresh tokens: issued at login, rotated at each use (the old one stops working), revoked with their whole
 * family at logout, and on reuse: a rotated token presented again means two holders, so neither keeps the session.
 */
@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new family (a login) for this user. */
  async open(userId: string, tx: EntityManager = this.dataSource.manager): Promise<IssuedRefreshToken> {
    const now = Date.now();
    return this.insert(tx, { userId, familyId: crypto.randomUUID(), familyExpiresAt: new Date(now + SESSION_FAMILY_DAYS * DAY_MS) });
  }

  /** Swaps a live refresh token for a new one of the same family; 401 naming why otherwise. Returns the user's id. */
  async rotate(token: string | undefined): Promise<IssuedRefreshToken & { userId: string }> {
    if (!token) throw new UnauthenticatedError('no session: the refresh cookie is missing; log in', 'SESSION_INVALID');
    const reused = await this.dataSource.transaction(async (tx) => {
      const current = await tx.getRepository(RefreshToken).findOne({ where: { tokenHash: hashSecretToken(token) }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new UnauthenticatedError('the session is unknown; log in', 'SESSION_INVALID');
      if (current.revokedAt) throw new UnauthenticatedError('the session was ended (logout, password change or reuse); log in', 'SESSION_INVALID');
      if (current.rotatedAt) {
        await this.revokeFamily(tx, current.familyId);
        return true;
      }
      if (current.expiresAt.getTime() <= Date.now()) throw new UnauthenticatedError('the session has expired; log in', 'SESSION_INVALID');
      await tx.getRepository(RefreshToken).update({ id: current.id }, { rotatedAt: new Date() });
      return { ...(await this.insert(tx, current)), userId: current.userId };
    });
    // thrown after the commit, so the family stays revoked
    if (reused === true) throw new UnauthenticatedError('this refresh token was already used: every session of this login is ended; log in', 'SESSION_REUSED');
    return reused;
  }

  /** Ends the session this token belongs to (nothing to do for an unknown token). */
  async close(token: string | undefined): Promise<void> {
    if (!token) return;
    const row = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: hashSecretToken(token) });
    if (row) await this.revokeFamily(this.dataSource.manager, row.familyId);
  }

  /** Ends every session of a user (after a password change or reset), but `keepSessionId` if given (the caller's own). */
  async closeAllOf(tx: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
    await tx
      .getRepository(RefreshToken)
      .update({ userId, revokedAt: IsNull(), ...(keepSessionId ? { familyId: Not(keepSessionId) } : {}) }, { revokedAt: new Date() });
  }

  private async revokeFamily(tx: EntityManager, familyId: string): Promise<void> {
    await tx.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async insert(tx: EntityManager, family: Pick<RefreshToken, 'userId' | 'familyId' | 'familyExpiresAt'>): Promise<IssuedRefreshToken> {
    const token = newSecretToken();
    const expiresAt = new Date(Math.min(Date.now() + REFRESH_TOKEN_DAYS * DAY_MS, family.familyExpiresAt.getTime()));
    const { userId, familyId, familyExpiresAt } = family;
    await tx.getRepository(RefreshToken).insert({ userId, familyId, familyExpiresAt, tokenHash: hashSecretToken(token), expiresAt });
    return { token, expiresAt, sessionId: family.familyId };
  }
}
