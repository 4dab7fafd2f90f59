import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { CreateEditionDto, DeadlineExtensionDto, EditionView, EditionsService } from '@app/contest';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { Viewer } from '../auth/viewer';

@ApiTags('contest')
@ApiBearerAuth()
@Controller('editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  /** A DRAFT edition and its calendar; wall-clock instants are read in its time zone. */
  @Roles(Role.Jury)
  @Post()
  @ApiOkResponse({ type: EditionView })
  create(@Body() dto: CreateEditionDto, @CurrentUser() user: AuthUser): Promise<EditionView> {
    return this.editions.create(dto, user.id);
  }

  /** Editions that are not drafts; the jury sees all. The bearer token is optional. */
  @Public()
  @Get()
  @ApiOkResponse({ type: [EditionView] })
  list(@Viewer() viewer: AuthUser | null): Promise<EditionView[]> {
    return this.editions.list(viewer);
  }

  /** A draft is a 404 for anyone but the jury. */
  @Public()
  @Get(':id')
  @ApiOkResponse({ type: EditionView })
  get(@Param('id') id: string, @Viewer() viewer: AuthUser | null): Promise<EditionView> {
    return this.editions.get(id, viewer);
  }

  /** DRAFT → OPEN (needs a category); schedules the edition's timed jobs. */
  @Roles(Role.Jury)
  @Post(':id/open')
  @HttpCode(200)
  @ApiOkResponse({ type: EditionView })
  open(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<EditionView> {
    return this.editions.open(id, user.id);
  }

  /** A later deadline (≤ paymentDueAt), while OPEN and before the current deadline has passed; reschedules the jobs. */
  @Roles(Role.Jury)
  @Post(':id/deadline-extension')
  @HttpCode(200)
  @ApiOkResponse({ type: EditionView })
  extendDeadline(@Param('id') id: string, @Body() dto: DeadlineExtensionDto, @CurrentUser() user: AuthUser): Promise<EditionView> {
    return this.editions.extendDeadline(id, dto, user.id);
  }
}
