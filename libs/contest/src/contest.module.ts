import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { ViewerPipe } from './auth/viewer';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { EditionCalendar } from './edition-calendar.service';
import { EditionsController } from './editions.controller';
import { EditionsService } from './editions.service';
import { CONTEST_ENTITIES } from './entities';

/**
 * Editions, their calendar and its timed jobs, and sector categories. The calendar's processor is the
 * registration library's; `CalendarRecovery` is declared by the worker.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CONTEST_ENTITIES), AccountsModule],
  controllers: [EditionsController, CategoriesController],
  providers: [EditionsService, CategoriesService, EditionCalendar, ViewerPipe],
  exports: [TypeOrmModule, EditionsService, CategoriesService, EditionCalendar],
})
export class ContestModule {}
