import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsService, SessionsService } from '@app/accounts';
import { LoginDto, LoginResponse } from './auth.dto';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';
import { clearRefreshCookie, refreshCookieOf, sendSession } from './refresh-cookie';

/** Logging in and out; the refresh token lives in the `palmares_refresh` cookie, rotated at each use. */
@ApiTags('accounts')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post('login')
  @ApiErrors(401, 403, 429)
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse, description: 'Also sets the refresh cookie' })
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return sendSession(reply, await this.accounts.login(dto, request.ip));
  }

  /** A new access token from the refresh cookie, which is swapped for a new one; presenting a used one ends the login everywhere. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse, description: 'Also sets the next refresh cookie' })
  @ApiErrors(401)
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    try {
      return sendSession(reply, await this.accounts.refreshSession(refreshCookieOf(request)));
    } catch (error) {
      clearRefreshCookie(reply);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session of the refresh cookie has ended; the cookie is cleared' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.close(refreshCookieOf(request));
    clearRefreshCookie(reply);
  }
}
