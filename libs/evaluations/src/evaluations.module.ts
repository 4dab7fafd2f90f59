import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { ShoppersModule } from '@app/shoppers';
import { EvaluationsService } from './evaluations.service';
import './templates';
import { EVALUATIONS_ENTITIES } from './entities';

/** Shoppers' evaluations of their tasks (submit) and the jury's review of them; the task's status is asked of shoppers. */
@Module({
  imports: [TypeOrmModule.forFeature(EVALUATIONS_ENTITIES), ShoppersModule, ContestModule, NotificationsModule],
  providers: [EvaluationsService],
  exports: [EvaluationsService],
})
export class EvaluationsModule {}
