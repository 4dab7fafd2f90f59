import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { ShoppersModule } from '@app/shoppers';
import { Evaluation } from './entities/evaluation.entity';
import { EvaluationsService } from './evaluations.service';
import { TaskDeadlines } from './task-deadlines.service';
import { ShopperTasks } from './tasks.service';
import './templates';

/** Shoppers' work on their tasks (read, decline, submit), expiry, and the jury's review of evaluations. */
@Module({
  imports: [TypeOrmModule.forFeature([Evaluation]), ShoppersModule, ContestModule, NotificationsModule],
  providers: [ShopperTasks, EvaluationsService, TaskDeadlines],
  exports: [ShopperTasks, EvaluationsService, TaskDeadlines],
})
export class EvaluationsModule {}
