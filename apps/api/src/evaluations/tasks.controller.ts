import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type AuthUser } from '@app/accounts';
import { parseId } from '@app/core';
import { EvaluationsService } from '@app/evaluations';
import { EvaluationView, SubmitEvaluationDto } from './evaluation.dto';
import { ShopperTasks } from '@app/shoppers';
import { ListTasksQuery } from '../shoppers/task.dto';
import { DeclinedTaskView, TaskView } from './task-views.dto';
import { CurrentUser, Roles } from '../auth/decorators';
import { ReasonDto } from './reason.dto';
import { ApiErrors } from '../http/api-errors';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: ShopperTasks,
    private readonly evaluations: EvaluationsService,
  ) {}

  /** A shopper's own tasks (status, from/to on the window); the jury's view of all tasks, filtered. */
  @Roles(Role.Shopper, Role.Jury)
  @Get()
  @ApiOkResponse({ type: [TaskView] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery): Promise<TaskView[]> {
    return this.tasks.list(user, query);
  }

  @Roles(Role.Shopper, Role.Jury)
  @Get(':id')
  @ApiOkResponse({ type: TaskView })
  @ApiErrors(404)
  findOne(@CurrentUser() user: AuthUser, @Param('id', parseId('task')) id: string): Promise<TaskView> {
    return this.tasks.findOne(user, id);
  }

  /** The task goes back to the pool and to another shopper. */
  @Roles(Role.Shopper)
  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: DeclinedTaskView })
  @ApiErrors(404, 409)
  decline(@CurrentUser() user: AuthUser, @Param('id', parseId('task')) id: string, @Body() dto: ReasonDto): Promise<DeclinedTaskView> {
    return this.tasks.decline(user, id, dto.reason);
  }

  /** Once per task, inside its window; never editable afterwards. */
  @Roles(Role.Shopper)
  @Post(':id/evaluation')
  @ApiCreatedResponse({ type: EvaluationView })
  @ApiErrors(404, 409)
  submit(@CurrentUser() user: AuthUser, @Param('id', parseId('task')) id: string, @Body() dto: SubmitEvaluationDto): Promise<EvaluationView> {
    return this.evaluations.submit(user, id, dto);
  }
}
