import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { parseId } from '@app/core';
import { EntryFees } from '@app/billing';
import { CreateEntryDto, ListEntriesQuery } from './entry.dto';
import { EntryDetailView, EntryView } from './entry-views.dto';
import { CurrentUser, Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';

@ApiTags('entries')
@ApiBearerAuth()
@Controller('entries')
export class EntriesController {
  constructor(private readonly entries: EntryFees) {}

  /** Registers the caller's company in a category; issues the invoice and e-mails it. */
  @Roles(Role.Company)
  @Post()
  @ApiCreatedResponse({ type: EntryView })
  @ApiErrors(404, 409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateEntryDto): Promise<EntryView> {
    return this.entries.register(user, dto);
  }

  @Roles(Role.Company, Role.Jury)
  @Get()
  @ApiOkResponse({ type: [EntryView] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListEntriesQuery): Promise<EntryView[]> {
    return this.entries.list(user, query);
  }

  @Roles(Role.Company, Role.Jury)
  @Get(':id')
  @ApiOkResponse({ type: EntryDetailView })
  @ApiErrors(404)
  findOne(@CurrentUser() user: AuthUser, @Param('id', parseId('entry')) id: string): Promise<EntryDetailView> {
    return this.entries.findOne(user, id);
  }

  @Roles(Role.Company)
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: EntryView })
  @ApiErrors(404, 409)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', parseId('entry')) id: string): Promise<EntryView> {
    return this.entries.withdraw(user, id);
  }
}
