import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { TokensService, type AuthUser, type Role } from '@app/accounts';
import { IS_PUBLIC, ROLES } from './decorators';

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and a role listed
 * by @Roles() when it has one. 401 for no or bad token, 403 for the wrong role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw new UnauthorizedException('an access token is required: send Authorization: Bearer <accessToken>');
    const user = this.tokens.verifyAccessToken(header.slice('Bearer '.length).trim());
    if (!user) throw new UnauthorizedException('the access token is invalid or has expired; log in again');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new ForbiddenException(`this route is for ${roles.join(' or ')} users only`);
    return true;
  }
}
