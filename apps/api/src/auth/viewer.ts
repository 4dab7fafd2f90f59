import { createParamDecorator, Injectable, UnauthorizedException, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TokensService, type AuthUser } from '@app/accounts';

const AuthorizationHeader = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
});

/** Reads the optional bearer token of a public route: the caller, or null when no token is sent. */
@Injectable()
export class ViewerPipe implements PipeTransform<string | undefined, AuthUser | null> {
  constructor(private readonly tokens: TokensService) {}

  transform(header: string | undefined): AuthUser | null {
    if (header === undefined || header === '') return null;
    if (!header.startsWith('Bearer '))
      throw new UnauthorizedException('send the access token as Authorization: Bearer <accessToken>, or no Authorization header');
    const user = this.tokens.verifyAccessToken(header.slice('Bearer '.length).trim());
    // A token that is sent must be valid: silently answering as the public would hide the caller's drafts.
    if (!user) throw new UnauthorizedException('the access token is invalid or has expired; log in again');
    return user;
  }
}

/**
 * On a @Public() route, the caller if a bearer token is sent (401 if that token is invalid), null if anonymous.
 * The global guard does not read the token of a public route; this does.
 */
export const Viewer = () => AuthorizationHeader(ViewerPipe);
