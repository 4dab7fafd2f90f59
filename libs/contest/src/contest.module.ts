import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Category } from './entities/category.entity';
import { Edition } from './entities/edition.entity';

/** Editions, their calendar and its timed jobs, and sector categories. */
@Module({
  imports: [TypeOrmModule.forFeature([Edition, Category])],
  providers: [],
  exports: [TypeOrmModule],
})
export class ContestModule {}
