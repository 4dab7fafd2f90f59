import { Module } from '@nestjs/common';
import { PublicationModule } from '@app/publication';
import { ResultsController } from './results.controller';
import { ReportsController } from './reports.controller';

/** The routes of frozen and published results, winners and private reports. */
@Module({
  imports: [PublicationModule],
  controllers: [ResultsController, ReportsController],
})
export class PublicationApiModule {}
