import type { Role } from './session';

/** Only a path of this portal is followed after login: never another site. */
export function safeNext(next: unknown): string | undefined {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

/** Where each role lands after logging in, and where a page of another role sends it. */
export function homeOf(role: Role): '/entries' | '/shopper' | '/jury' {
  return role === 'COMPANY' ? '/entries' : role === 'SHOPPER' ? '/shopper' : '/jury';
}
