import { Module } from '@nestjs/common';
import { EvaluationsModule } from '@app/evaluations';
import { TasksController } from './tasks.controller';
import { EvaluationsController } from './evaluations.controller';

/** The routes of shoppers' tasks and evaluations, and the jury's review. */
@Module({
  imports: [EvaluationsModule],
  controllers: [TasksController, EvaluationsController],
})
export class EvaluationsApiModule {}
