import { Body, Controller, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AccountsService, PasswordChanges, type AuthUser } from '@app/accounts';
import { UserView } from './auth.dto';
import { CurrentUser, Public } from '../auth/decorators';
import { SendsEmail } from '../auth/email-route-limit';
import { ApiErrors } from '../http/api-errors';
import { ChangePasswordDto, PasswordResetConfirmDto, PasswordResetRequestDto, UpdateMeDto } from './portal-accounts.dto';

/** Forgotten and changed passwords, and the user's own settings. */
@ApiTags('accounts')
@Controller()
export class PasswordsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordChanges,
  ) {}

  /** Always 202: whether the address has an account is never told. The e-mail's link works once, for one hour. */
  @Public()
  @SendsEmail()
  @Post('auth/password-reset')
  @ApiErrors(429)
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'A reset link is e-mailed if the address has an account' })
  async requestReset(@Body() dto: PasswordResetRequestDto): Promise<void> {
    await this.passwords.requestReset(dto.email);
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @ApiErrors(409, 410)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is changed and every session of the account has ended' })
  async confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.passwords.confirmReset(dto.token, dto.password);
  }

  @ApiBearerAuth()
  @Post('me/password')
  @ApiErrors(401)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is changed; the account’s other sessions have ended' })
  async change(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.passwords.change(user.id, { ...dto, ip: request.ip, sessionId: user.sessionId });
  }

  @ApiBearerAuth()
  @Patch('me')
  @ApiErrors(401)
  @ApiOkResponse({ type: UserView })
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<UserView> {
    return this.accounts.setLocale(user.id, dto.locale);
  }
}
