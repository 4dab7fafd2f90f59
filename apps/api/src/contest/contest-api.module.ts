import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { ContestModule } from '@app/contest';
import { EditionsController } from './editions.controller';
import { CategoriesController } from './categories.controller';

/** The routes of editions, their calendar and their categories. AccountsModule: the viewer pipe of the public routes reads tokens. */
@Module({
  imports: [AccountsModule, ContestModule],
  controllers: [EditionsController, CategoriesController],
})
export class ContestApiModule {}
