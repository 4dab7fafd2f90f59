import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesService } from './categories.service';
import { EditionCalendar } from './edition-calendar.service';
import { EditionsService } from './editions.service';
import { CONTEST_ENTITIES } from './entities';

/**
 * Editions, their calendar and its timed jobs, and sector categories. The calendar's processor and its
 * reconciliation are the worker's (apps/worker).
 */
@Module({
  imports: [TypeOrmModule.forFeature(CONTEST_ENTITIES)],
  providers: [EditionsService, CategoriesService, EditionCalendar],
  exports: [TypeOrmModule, EditionsService, CategoriesService, EditionCalendar],
})
export class ContestModule {}
