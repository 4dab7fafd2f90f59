import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { parseId } from '@app/core';
import { PublicationService, ResultsFreeze, ResultsReads } from '@app/publication';
import { FrozenResultsView, PublishedResultsView, ResultsVersionDetail, ResultsVersionSummary, WinnersView } from './report.dto';
import { FreezeResultsDto } from './results.dto';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';

@ApiTags('results')
@ApiBearerAuth()
@Controller('editions/:id')
export class ResultsController {
  constructor(
    private readonly freezes: ResultsFreeze,
    private readonly publication: PublicationService,
    private readonly reads: ResultsReads,
  ) {}

  /** Snapshots the rankings with the digest of their inputs (SCORING; after publication a correction, with a reason). */
  @Roles(Role.Jury)
  @Post('results/freeze')
  @ApiCreatedResponse({ type: FrozenResultsView })
  @ApiErrors(404, 409)
  freeze(@Param('id', parseId('edition')) id: string, @Body() dto: FreezeResultsDto, @CurrentUser() user: AuthUser): Promise<FrozenResultsView> {
    return this.freezes.freeze(id, user, dto);
  }

  /** Publishes the latest frozen version, at or after `resultsPublishAt`, and tells every entrant. */
  @Roles(Role.Jury)
  @Post('results/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: PublishedResultsView })
  @ApiErrors(404, 409)
  publish(@Param('id', parseId('edition')) id: string, @CurrentUser() user: AuthUser): Promise<PublishedResultsView> {
    return this.publication.publish(id, user);
  }

  /** Every frozen version (published or not), oldest first. */
  @Roles(Role.Jury)
  @Get('results')
  @ApiOkResponse({ type: [ResultsVersionSummary] })
  @ApiErrors(404)
  versions(@Param('id', parseId('edition')) id: string): Promise<ResultsVersionSummary[]> {
    return this.reads.versions(id);
  }

  /** One version and its exact figures. */
  @Roles(Role.Jury)
  @Get('results/:version')
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1 } })
  @ApiOkResponse({ type: ResultsVersionDetail })
  @ApiErrors(404)
  version(@Param('id', parseId('edition')) id: string, @Param('version') version: string): Promise<ResultsVersionDetail> {
    return this.reads.version(id, version);
  }

  /** Anyone, once results are published (404 before): each category's winner(s) and score, or no winner. */
  @Public()
  @Get('winners')
  @ApiOkResponse({ type: WinnersView })
  @ApiErrors(404)
  winners(@Param('id', parseId('edition')) id: string): Promise<WinnersView> {
    return this.reads.winners(id);
  }
}
