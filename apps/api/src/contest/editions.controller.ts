import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { parseId } from '@app/core';
import { Role, type AuthUser } from '@app/accounts';
import { EditionsService } from '@app/contest';
import { CreateEditionDto, DeadlineExtensionDto, EditionView } from './edition.dto';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';
import { Viewer } from '../auth/viewer';

@ApiTags('contest')
@ApiBearerAuth()
@Controller('editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  /** A DRAFT edition and its calendar; wall-clock instants are read in its time zone. */
  @Roles(Role.Jury)
  @Post()
  @ApiErrors(409)
  @ApiCreatedResponse({ type: EditionView })
  create(@Body() dto: CreateEditionDto, @CurrentUser() user: AuthUser): Promise<EditionView> {
    return this.editions.create(dto, user.id);
  }

  /** Editions that are not drafts; the jury sees all. The bearer token is optional. */
  @Public()
  @Get()
  @ApiErrors(401)
  @ApiOkResponse({ type: [EditionView] })
  list(@Viewer() viewer: AuthUser | null): Promise<EditionView[]> {
    return this.editions.list(viewer);
  }

  /** A draft is a 404 for anyone but the jury. */
  @Public()
  @Get(':id')
  @ApiErrors(401, 404)
  @ApiOkResponse({ type: EditionView })
  get(@Param('id', parseId('edition')) id: string, @Viewer() viewer: AuthUser | null): Promise<EditionView> {
    return this.editions.get(id, viewer);
  }

  /** DRAFT → OPEN (needs a category); schedules the edition's timed jobs. */
  @Roles(Role.Jury)
  @Post(':id/open')
  @ApiErrors(404, 409)
  @HttpCode(200)
  @ApiOkResponse({ type: EditionView })
  open(@Param('id', parseId('edition')) id: string, @CurrentUser() user: AuthUser): Promise<EditionView> {
    return this.editions.open(id, user.id);
  }

  /** A later deadline (≤ paymentDueAt), while OPEN and before the current deadline has passed; reschedules the jobs. */
  @Roles(Role.Jury)
  @Post(':id/deadline-extension')
  @ApiErrors(404, 409)
  @HttpCode(200)
  @ApiOkResponse({ type: EditionView })
  extendDeadline(@Param('id', parseId('edition')) id: string, @Body() dto: DeadlineExtensionDto, @CurrentUser() user: AuthUser): Promise<EditionView> {
    return this.editions.extendDeadline(id, dto, user.id);
  }
}
