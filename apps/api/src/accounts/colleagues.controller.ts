import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccountsService, ColleaguesService, Role, type AuthUser } from '@app/accounts';
import { LoginResponse } from './auth.dto';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { SendsEmail } from '../auth/email-route-limit';
import { ApiErrors } from '../http/api-errors';
import { parseId } from '@app/core';
import { sendSession } from './refresh-cookie';
import { AcceptColleagueInvitationDto, ColleagueView, ColleagueInvitationView, InviteColleagueDto } from './portal-accounts.dto';

/** The several users of a company (the rulebook's "several users per company"); each receives the company's e-mails. */
@ApiTags('accounts')
@Controller('companies')
export class ColleaguesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly colleagues: ColleaguesService,
  ) {}

  @ApiBearerAuth()
  @Roles(Role.Company)
  @Get('me/users')
  @ApiOkResponse({ type: [ColleagueView] })
  list(@CurrentUser() user: AuthUser): Promise<ColleagueView[]> {
    return this.colleagues.list(user.companyId!);
  }

  /** E-mails the colleague a link to join (valid 48 hours, once); 409 when the address already has an account. */
  @ApiBearerAuth()
  @Roles(Role.Company)
  @SendsEmail()
  @Post('me/users')
  @ApiErrors(409, 429)
  @ApiCreatedResponse({ type: ColleagueInvitationView })
  invite(@CurrentUser() user: AuthUser, @Body() dto: InviteColleagueDto): Promise<ColleagueInvitationView> {
    return this.colleagues.invite(user, dto.email, dto.locale);
  }

  @ApiBearerAuth()
  @Roles(Role.Company)
  @Delete('me/users/:id')
  @ApiErrors(404, 409)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The colleague’s account is removed' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', parseId('user')) id: string): Promise<void> {
    await this.colleagues.remove(user, id);
  }

  /** The invited colleague chooses a password and is logged in (with the refresh cookie). */
  @Public()
  @Post('invitations/accept')
  @ApiErrors(409, 410)
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async accept(@Body() dto: AcceptColleagueInvitationDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    const user = await this.colleagues.accept(dto.token, dto.password, dto.locale);
    return sendSession(reply, await this.accounts.startSession(user));
  }
}
