import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, InvalidError } from '@app/core';
import type { AuthUser } from './auth-user';

/** What a signed token may be used for; a token of one purpose is refused for another. */
export type TokenPurpose = 'access' | 'email-confirmation' | 'shopper-invitation';

const LIFETIME_SECONDS: Record<Exclude<TokenPurpose, 'access'>, number> = {
  'email-confirmation': 48 * 3600,
  'shopper-invitation': 14 * 24 * 3600,
};

interface Claims {
  sub: string;
  typ: TokenPurpose;
  role?: AuthUser['role'];
  cid?: string | null;
  sid?: string;
}

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issueAccessToken(user: AuthUser): string {
    const claims: Claims = { sub: user.id, typ: 'access', role: user.role, cid: user.companyId, ...(user.sessionId ? { sid: user.sessionId } : {}) };
    return this.jwt.sign(claims, { expiresIn: this.config.JWT_TTL_SECONDS });
  }

  /** The caller of an access token, or null when it is missing, forged, expired or of another purpose. */
  verifyAccessToken(token: string): AuthUser | null {
    const claims = this.verify(token, 'access');
    return claims && claims.role
      ? { id: claims.sub, role: claims.role, companyId: claims.cid ?? null, ...(claims.sid ? { sessionId: claims.sid } : {}) }
      : null;
  }

  issuePurposeToken(purpose: Exclude<TokenPurpose, 'access'>, subject: string): string {
    const claims: Claims = { sub: subject, typ: purpose };
    return this.jwt.sign(claims, { expiresIn: LIFETIME_SECONDS[purpose] });
  }

  /** The subject of a single-purpose token; 400 naming the problem otherwise. Single use is the caller's check. */
  readPurposeToken(purpose: Exclude<TokenPurpose, 'access'>, token: string): string {
    const claims = this.verify(token, purpose);
    if (!claims) throw new InvalidError(`the ${purpose.replace('-', ' ')} token is invalid or has expired`, 'TOKEN_INVALID');
    return claims.sub;
  }

  private verify(token: string, purpose: TokenPurpose): Claims | null {
    try {
      const claims = this.jwt.verify<Claims>(token);
      return claims.typ === purpose ? claims : null;
    } catch {
      return null;
    }
  }
}
