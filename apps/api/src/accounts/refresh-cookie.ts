import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginResponse, SignedIn } from '@app/accounts';

/** The refresh token travels only in this cookie: httpOnly (no script reads it), Secure, SameSite=Strict, sent to /api/auth only. */
export const REFRESH_COOKIE = 'palmares_refresh';
const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api/auth' } as const;

/** Puts the session's refresh token in its cookie and answers the login body. */
export function sendSession(reply: FastifyReply, signedIn: SignedIn): LoginResponse {
  void reply.setCookie(REFRESH_COOKIE, signedIn.refresh.token, { ...COOKIE_OPTIONS, expires: signedIn.refresh.expiresAt });
  return signedIn.response;
}

export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, COOKIE_OPTIONS);
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[REFRESH_COOKIE] || undefined;
}
