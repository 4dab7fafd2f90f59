import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { ShopperConflict } from './entities/shopper-conflict.entity';
import { ShopperInvitation } from './entities/shopper-invitation.entity';
import { Shopper } from './entities/shopper.entity';
import { Task } from './entities/task.entity';

/** Mystery shoppers (invitations, profiles, conflicts), their tasks: generation and assignment by sector. */
@Module({
  imports: [TypeOrmModule.forFeature([Shopper, ShopperInvitation, ShopperConflict, Task]), AccountsModule, ContestModule, NotificationsModule],
  controllers: [],
  providers: [],
  exports: [TypeOrmModule],
})
export class ShoppersModule {}
