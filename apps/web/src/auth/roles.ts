import type { Role } from './session';

/** Where each role lands after logging in, and where a page of another role sends it. */
export function homeOf(role: Role): '/entries' | '/shopper' | '/jury' {
  return role === 'COMPANY' ? '/entries' : role === 'SHOPPER' ? '/shopper' : '/jury';
}
