import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { parseId } from '@app/core';
import { EvaluationsService } from '@app/evaluations';
import { EvaluationView, ListEvaluationsQuery, RejectedEvaluationView } from './evaluation.dto';
import { CurrentUser, Roles } from '../auth/decorators';
import { ReasonDto } from './reason.dto';
import { ApiErrors } from '../http/api-errors';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('evaluations')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Roles(Role.Jury)
  @Get()
  @ApiOkResponse({ type: [EvaluationView] })
  list(@Query() query: ListEvaluationsQuery): Promise<EvaluationView[]> {
    return this.evaluations.list(query);
  }

  /** Only approved evaluations count in the rankings. */
  @Roles(Role.Jury)
  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: EvaluationView })
  @ApiErrors(404, 409)
  approve(@CurrentUser() user: AuthUser, @Param('id', parseId('evaluation')) id: string): Promise<EvaluationView> {
    return this.evaluations.approve(user, id);
  }

  /** The shopper is told why; a replacement task goes to another shopper. */
  @Roles(Role.Jury)
  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: RejectedEvaluationView })
  @ApiErrors(404, 409)
  reject(@CurrentUser() user: AuthUser, @Param('id', parseId('evaluation')) id: string, @Body() dto: ReasonDto): Promise<RejectedEvaluationView> {
    return this.evaluations.reject(user, id, dto.reason);
  }
}
