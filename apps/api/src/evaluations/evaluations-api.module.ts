import { Module } from '@nestjs/common';
import { EvaluationsModule } from '@app/evaluations';
import { ShoppersModule } from '@app/shoppers';
import { TasksController } from './tasks.controller';
import { EvaluationsController } from './evaluations.controller';

/** The routes of shoppers' tasks and evaluations, and the jury's review. */
@Module({
  imports: [EvaluationsModule, ShoppersModule],
  controllers: [TasksController, EvaluationsController],
})
export class EvaluationsApiModule {}
