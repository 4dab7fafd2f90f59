import { Module } from '@nestjs/common';
import { PublicationModule } from '@app/publication';
import { ResultsController } from './results.controller';
import { ReportsController } from './reports.controller';
import { LicencesController } from './licences.controller';

/** The routes of frozen and published results, winners, private reports and logo licences. */
@Module({
  imports: [PublicationModule],
  controllers: [ResultsController, ReportsController, LicencesController],
})
export class PublicationApiModule {}
