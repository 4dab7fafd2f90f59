import { Role } from '../entities/user.entity';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  companyId: string | null;
  /** The login (refresh-token family) the access token was issued for, if any. */
  sessionId?: string;
}

export function isJury(user: AuthUser | null | undefined): boolean {
  return user?.role === Role.Jury;
}
