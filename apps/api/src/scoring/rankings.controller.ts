import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/accounts';
import { parseId } from '@app/core';
import { RankingsService } from '@app/scoring';
import { EditionRankings } from './rankings.dto';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../http/api-errors';

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('editions')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  /** Provisional rankings per category with margins, statistical-tie flags and shopper bias (jury; from TESTING on, 409 before). */
  @Roles(Role.Jury)
  @Get(':id/rankings')
  @ApiOkResponse({ type: EditionRankings })
  @ApiErrors(404, 409)
  rankingsOf(@Param('id', parseId('edition')) id: string): Promise<EditionRankings> {
    return this.rankings.provisional(id);
  }
}
