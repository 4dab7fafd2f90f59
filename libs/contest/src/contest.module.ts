import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { ViewerPipe } from './auth/viewer';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { EditionCalendar } from './edition-calendar.service';
import { EditionsController } from './editions.controller';
import { EditionsService } from './editions.service';
import { Category } from './entities/category.entity';
import { Edition } from './entities/edition.entity';

/**
 * Editions, their calendar and its timed jobs, and sector categories. The calendar's processor is the
 * registration library's; `CalendarRecovery` is declared by the worker.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Edition, Category]), AccountsModule],
  controllers: [EditionsController, CategoriesController],
  providers: [EditionsService, CategoriesService, EditionCalendar, ViewerPipe],
  exports: [TypeOrmModule, EditionsService, CategoriesService, EditionCalendar],
})
export class ContestModule {}
