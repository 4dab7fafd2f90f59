import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService, type AuthUser, Role } from '@app/accounts';
import { ConfirmEmailDto, CreateJuryUserDto, SignupDto, UserView } from './auth.dto';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { SendsEmail } from '../auth/email-route-limit';
import { ApiErrors } from '../http/api-errors';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** A company and its first user; sends the confirmation e-mail. */
  @Public()
  @SendsEmail()
  @Post('auth/signup')
  @ApiErrors(409)
  @ApiCreatedResponse({ type: UserView })
  signup(@Body() dto: SignupDto): Promise<UserView> {
    return this.accounts.signup(dto);
  }

  @Public()
  @Post('auth/confirm')
  @ApiErrors(404, 409)
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  confirm(@Body() dto: ConfirmEmailDto): Promise<UserView> {
    return this.accounts.confirmEmail(dto.token);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiErrors(401, 404)
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.accounts.me(user.id);
  }

  /** Further jury accounts are made by a jury user. */
  @ApiBearerAuth()
  @Roles(Role.Jury)
  @Post('jury-users')
  @ApiErrors(409)
  @ApiCreatedResponse({ type: UserView })
  createJuryUser(@Body() dto: CreateJuryUserDto): Promise<UserView> {
    return this.accounts.createJuryUser(dto);
  }
}
