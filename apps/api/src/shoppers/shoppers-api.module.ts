import { Module } from '@nestjs/common';
import { ShoppersModule } from '@app/shoppers';
import { ShoppersController } from './shoppers.controller';

/** The routes of shopper invitations, profiles, conflicts and suspension. */
@Module({
  imports: [ShoppersModule],
  controllers: [ShoppersController],
})
export class ShoppersApiModule {}
