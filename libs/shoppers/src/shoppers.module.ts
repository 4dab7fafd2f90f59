import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { ShoppersService } from './profile/shoppers.service';
import './profile/templates';
import { AssignmentDigests } from './tasks/assignment-digests.service';
import { ShopperTasks } from './tasks/shopper-tasks.service';
import { TaskAssignment } from './tasks/task-assignment.service';
import { TaskDeadlines } from './tasks/task-deadlines.service';
import { TaskGeneration } from './tasks/task-generation.service';
import { TaskStates } from './tasks/task-states.service';
import './tasks/templates';
import { SHOPPERS_ENTITIES } from './entities';

/**
 * Mystery shoppers (invitations, profiles, conflicts) and their tasks: generation, assignment by sector, every
 * change of a task's status, expiry and reminders.
 */
@Module({
  imports: [TypeOrmModule.forFeature(SHOPPERS_ENTITIES), AccountsModule, ContestModule, NotificationsModule],
  providers: [ShoppersService, TaskGeneration, TaskAssignment, TaskStates, ShopperTasks, TaskDeadlines, AssignmentDigests],
  exports: [ShoppersService, TypeOrmModule, TaskGeneration, TaskAssignment, TaskStates, ShopperTasks, TaskDeadlines, AssignmentDigests],
})
export class ShoppersModule {}
