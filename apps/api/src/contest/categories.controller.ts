import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { parseId } from '@app/core';
import { Role, type AuthUser } from '@app/accounts';
import { CategoriesService } from '@app/contest';
import { CategoryView, CreateCategoryDto } from './category.dto';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';
import { Viewer } from '../auth/viewer';

@ApiTags('contest')
@ApiBearerAuth()
@Controller('editions/:id/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  /** A category of a DRAFT or OPEN edition. */
  @Roles(Role.Jury)
  @Post()
  @ApiErrors(404, 409)
  @ApiCreatedResponse({ type: CategoryView })
  create(@Param('id', parseId('edition')) editionId: string, @Body() dto: CreateCategoryDto, @CurrentUser() user: AuthUser): Promise<CategoryView> {
    return this.categories.create(editionId, dto, user.id);
  }

  /** Categories with fees excluding and including VAT; scenarios for the jury only. The bearer token is optional. */
  @Public()
  @Get()
  @ApiErrors(401, 404)
  @ApiOkResponse({ type: [CategoryView] })
  list(@Param('id', parseId('edition')) editionId: string, @Viewer() viewer: AuthUser | null): Promise<CategoryView[]> {
    return this.categories.listForViewer(editionId, viewer);
  }
}
