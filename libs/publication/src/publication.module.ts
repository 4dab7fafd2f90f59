import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingModule } from '@app/billing';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { RegistrationModule } from '@app/registration';
import { ScoringModule } from '@app/scoring';
import { ResultsVersion } from './entities/results-version.entity';
import { PublicationService } from './publication.service';
import { ResultsFreeze } from './results-freeze.service';
import { ResultsReads } from './results-reads.service';
import { PublicResults } from './public-results.service';
import { TitleCode } from './titles/title-code.entity';
import { TitlesService } from './titles/titles.service';
import './templates';

/** Freezing, publishing and correcting results; the public winners, private reports and outcome e-mails. */
@Module({
  imports: [TypeOrmModule.forFeature([ResultsVersion, TitleCode]), ScoringModule, ContestModule, RegistrationModule, BillingModule, NotificationsModule],
  providers: [ResultsFreeze, PublicationService, ResultsReads, TitlesService, PublicResults],
  exports: [ResultsFreeze, PublicationService, ResultsReads, TitlesService, PublicResults],
})
export class PublicationModule {}
