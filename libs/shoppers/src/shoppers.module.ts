import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { ShoppersService } from './profile/shoppers.service';
import './profile/templates';
import { TaskAssignment } from './tasks/task-assignment.service';
import { TaskGeneration } from './tasks/task-generation.service';
import './tasks/templates';
import { SHOPPERS_ENTITIES } from './entities';

/** Mystery shoppers (invitations, profiles, conflicts), their tasks: generation and assignment by sector. */
@Module({
  imports: [TypeOrmModule.forFeature(SHOPPERS_ENTITIES), AccountsModule, ContestModule, NotificationsModule],
  providers: [ShoppersService, TaskGeneration, TaskAssignment],
  exports: [ShoppersService, TypeOrmModule, TaskGeneration, TaskAssignment],
})
export class ShoppersModule {}
