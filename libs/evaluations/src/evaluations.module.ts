import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { ShoppersModule } from '@app/shoppers';
import { Evaluation } from './entities/evaluation.entity';
import { EvaluationsService } from './evaluations.service';
import './templates';

/** Shoppers' evaluations of their tasks (submit) and the jury's review of them; the task's status is asked of shoppers. */
@Module({
  imports: [TypeOrmModule.forFeature([Evaluation]), ShoppersModule, ContestModule, NotificationsModule],
  providers: [EvaluationsService],
  exports: [EvaluationsService],
})
export class EvaluationsModule {}
