import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUser, Role } from '@app/accounts';
import { ApiErrors } from '../http/api-errors';

export const IS_PUBLIC = 'palmares:public';
export const ROLES = 'palmares:roles';

/** The route needs no access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only these roles may call the route (401 without a valid token, 403 for another role). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), ApiErrors(401, 403));

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<{ user: AuthUser }>().user);
