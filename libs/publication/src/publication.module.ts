import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingModule } from '@app/billing';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { RegistrationModule } from '@app/registration';
import { ScoringModule } from '@app/scoring';
import { PublicationService } from './publication.service';
import { ResultsFreeze } from './results-freeze.service';
import { ResultsReads } from './results-reads.service';
import { PublicResults } from './public-results.service';
import { TitlesService } from './titles/titles.service';
import './templates';
import { PUBLICATION_ENTITIES } from './entities';

/** Freezing, publishing and correcting results; the public winners, private reports and outcome e-mails. */
@Module({
  imports: [TypeOrmModule.forFeature(PUBLICATION_ENTITIES), ScoringModule, ContestModule, RegistrationModule, BillingModule, NotificationsModule],
  providers: [ResultsFreeze, PublicationService, ResultsReads, TitlesService, PublicResults],
  exports: [ResultsFreeze, PublicationService, ResultsReads, TitlesService, PublicResults],
})
export class PublicationModule {}
