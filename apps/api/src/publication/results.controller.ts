import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { parseId } from '@app/core';
import {
  FreezeResultsDto,
  type ResultsVersionSummary,
  type WinnersView,
  type FrozenFigures,
  PublicationService,
  type FrozenResultsView,
  type PublishedResultsView,
} from '@app/publication';
import { CurrentUser, Public, Roles } from '../auth/decorators';

@ApiTags('results')
@ApiBearerAuth()
@Controller('editions/:id')
export class ResultsController {
  constructor(private readonly publication: PublicationService) {}

  /** Snapshots the rankings with the digest of their inputs (SCORING; after publication a correction, with a reason). */
  @Roles(Role.Jury)
  @Post('results/freeze')
  freeze(@Param('id', parseId('edition')) id: string, @Body() dto: FreezeResultsDto, @CurrentUser() user: AuthUser): Promise<FrozenResultsView> {
    return this.publication.freeze(id, user, dto);
  }

  /** Publishes the latest frozen version, at or after `resultsPublishAt`, and tells every entrant. */
  @Roles(Role.Jury)
  @Post('results/publish')
  @HttpCode(200)
  publish(@Param('id', parseId('edition')) id: string, @CurrentUser() user: AuthUser): Promise<PublishedResultsView> {
    return this.publication.publish(id, user);
  }

  /** Every frozen version (published or not), oldest first. */
  @Roles(Role.Jury)
  @Get('results')
  versions(@Param('id', parseId('edition')) id: string): Promise<ResultsVersionSummary[]> {
    return this.publication.versions(id);
  }

  /** One version and its exact figures. */
  @Roles(Role.Jury)
  @Get('results/:version')
  version(@Param('id', parseId('edition')) id: string, @Param('version') version: string): Promise<ResultsVersionSummary & { figures: FrozenFigures }> {
    return this.publication.version(id, version);
  }

  /** Anyone, once results are published (404 before): each category's winner(s) and score, or no winner. */
  @Public()
  @Get('winners')
  winners(@Param('id', parseId('edition')) id: string): Promise<WinnersView> {
    return this.publication.winners(id);
  }
}
