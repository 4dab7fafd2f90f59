import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../entities/user.entity';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  companyId: string | null;
  /** The login (refresh-token family) the access token was issued for, if any. */
  sessionId?: string;
}

export const IS_PUBLIC = 'palmares:public';
export const ROLES = 'palmares:roles';

/** The route needs no access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only these roles may call the route (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<{ user: AuthUser }>().user);
