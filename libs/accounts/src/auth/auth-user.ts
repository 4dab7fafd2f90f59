import { Role } from '../entities/user.entity';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  companyId: string | null;
}

export function isJury(user: AuthUser | null | undefined): boolean {
  return user?.role === Role.Jury;
}
