import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { ShoppersModule } from '@app/shoppers';
import { EvaluationsService } from './evaluations.service';
import { TaskDeadlines } from './task-deadlines.service';
import { ShopperTasks } from './tasks.service';
import './templates';
import { EVALUATIONS_ENTITIES } from './entities';

/** Shoppers' work on their tasks (read, decline, submit), expiry, and the jury's review of evaluations. */
@Module({
  imports: [TypeOrmModule.forFeature(EVALUATIONS_ENTITIES), ShoppersModule, ContestModule, NotificationsModule],
  providers: [ShopperTasks, EvaluationsService, TaskDeadlines],
  exports: [ShopperTasks, EvaluationsService, TaskDeadlines],
})
export class EvaluationsModule {}
