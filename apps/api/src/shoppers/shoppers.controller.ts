import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { parseId } from '@app/core';
import { ShoppersService } from '@app/shoppers';
import {
  AcceptInvitationDto,
  AcceptInvitationResponse,
  CreateInvitationDto,
  InvitationView,
  ShopperProfileView,
  ShopperSummaryView,
  SuspendShopperDto,
  UpdateShopperDto,
} from './shoppers.dto';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { SendsEmail } from '../auth/email-route-limit';
import { ApiErrors } from '../http/api-errors';

@ApiTags('shoppers')
@ApiBearerAuth()
@Controller('shoppers')
export class ShoppersController {
  constructor(private readonly shoppers: ShoppersService) {}

  /** Invites a mystery shopper: e-mails a link, valid 14 days and single-use, that creates the account. */
  @Roles(Role.Jury)
  @SendsEmail()
  @Post('invitations')
  @ApiErrors(409)
  @ApiCreatedResponse({ type: InvitationView })
  invite(@Body() dto: CreateInvitationDto, @CurrentUser() user: AuthUser): Promise<InvitationView> {
    return this.shoppers.invite(dto, user.id);
  }

  /** Accepts an invitation with a password: a confirmed SHOPPER account, logged in. */
  @Public()
  @Post('accept')
  @ApiErrors(404, 409)
  @ApiCreatedResponse({ type: AcceptInvitationResponse })
  accept(@Body() dto: AcceptInvitationDto): Promise<AcceptInvitationResponse> {
    return this.shoppers.accept(dto);
  }

  @Roles(Role.Shopper)
  @Get('me')
  @ApiErrors(404)
  @ApiOkResponse({ type: ShopperProfileView })
  me(@CurrentUser() user: AuthUser): Promise<ShopperProfileView> {
    return this.shoppers.profile(user.id);
  }

  /** Sectors, weekly capacity and declared conflicts of interest; `conflicts` replaces the whole list. */
  @Roles(Role.Shopper)
  @Patch('me')
  @ApiErrors(404)
  @ApiOkResponse({ type: ShopperProfileView })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateShopperDto): Promise<ShopperProfileView> {
    return this.shoppers.update(user, dto);
  }

  /** Every shopper, with their task counts by status. */
  @Roles(Role.Jury)
  @Get()
  @ApiOkResponse({ type: [ShopperSummaryView] })
  list(): Promise<ShopperSummaryView[]> {
    return this.shoppers.list();
  }

  /** No new task for this shopper; their assigned, unsubmitted tasks go to other shoppers. */
  @Roles(Role.Jury)
  @Post(':id/suspend')
  @ApiErrors(404, 409)
  @HttpCode(200)
  @ApiOkResponse({ type: ShopperSummaryView })
  suspend(@Param('id', parseId('shopper')) id: string, @Body() dto: SuspendShopperDto, @CurrentUser() user: AuthUser): Promise<ShopperSummaryView> {
    return this.shoppers.suspend(id, dto, user.id);
  }

  @Roles(Role.Jury)
  @Post(':id/reinstate')
  @ApiErrors(404, 409)
  @HttpCode(200)
  @ApiOkResponse({ type: ShopperSummaryView })
  reinstate(@Param('id', parseId('shopper')) id: string, @CurrentUser() user: AuthUser): Promise<ShopperSummaryView> {
    return this.shoppers.reinstate(id, user.id);
  }
}
