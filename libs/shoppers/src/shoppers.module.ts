import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { ShopperConflict } from './entities/shopper-conflict.entity';
import { ShopperInvitation } from './entities/shopper-invitation.entity';
import { Shopper } from './entities/shopper.entity';
import { Task } from './entities/task.entity';
import { ShoppersService } from './profile/shoppers.service';
import './profile/templates';
import { TaskAssignment } from './tasks/task-assignment.service';
import { TaskGeneration } from './tasks/task-generation.service';
import './tasks/templates';

/** Mystery shoppers (invitations, profiles, conflicts), their tasks: generation and assignment by sector. */
@Module({
  imports: [TypeOrmModule.forFeature([Shopper, ShopperInvitation, ShopperConflict, Task]), AccountsModule, ContestModule, NotificationsModule],
  providers: [ShoppersService, TaskGeneration, TaskAssignment],
  exports: [ShoppersService, TypeOrmModule, TaskGeneration, TaskAssignment],
})
export class ShoppersModule {}
